import { useEffect, useLayoutEffect, useRef } from 'react';
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { useLabStore, useLab } from '../StoreContext';
import { t } from '../../i18n';
import type { Theme } from '../../store/types';
import { ConsoleController } from './consoleController';
import { AccessibleLog } from './AccessibleLog';

const MONO = 'ui-monospace, "SF Mono", "Cascadia Mono", "Segoe UI Mono", "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace';

const THEMES: Record<Theme, ITheme> = {
  light: {
    background: '#fbfbf8', foreground: '#1f2430', cursor: '#1f2430', selectionBackground: '#c9d7f2',
    black: '#1f2430', red: '#c0262d', green: '#1d7a3a', yellow: '#8a6100', blue: '#2457b5', magenta: '#8e3bb0', cyan: '#0b7285', white: '#d5d8de',
    brightBlack: '#5b6270', brightRed: '#d83a41', brightGreen: '#238b45', brightYellow: '#a87500', brightBlue: '#2f6bd6', brightMagenta: '#a24ac4', brightCyan: '#0c8599', brightWhite: '#ffffff',
  },
  dark: {
    background: '#12151c', foreground: '#dfe3ea', cursor: '#dfe3ea', selectionBackground: '#34405a',
    black: '#12151c', red: '#ff6b6b', green: '#69db7c', yellow: '#ffd43b', blue: '#74a7ff', magenta: '#da77f2', cyan: '#66d9e8', white: '#dfe3ea',
    brightBlack: '#7a8394', brightRed: '#ff8787', brightGreen: '#8ce99a', brightYellow: '#ffe066', brightBlue: '#91b8ff', brightMagenta: '#e599f7', brightCyan: '#99e9f2', brightWhite: '#ffffff',
  },
};

const GREETING =
  '\x1b[1mDocker Network Lab\x1b[0m: a simulated Linux host with Docker.\r\n' +
  'Try \x1b[36mdocker run -d --name web -p 8080:80 nginx\x1b[0m\r\n' +
  'then click what appears in the picture.\r\n\r\n';

/** xterm in a div: sized to its box by the fit addon, refitted whenever the box changes size. */
export function Console() {
  const store = useLabStore();
  const theme = useLab((s) => s.prefs.theme);
  const lang = useLab((s) => s.prefs.lang);
  const host = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);

  // A layout effect: the terminal opens (and measures its font) before the picture is built and
  // before the first paint, so the prompt is the first thing the student sees.
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new Terminal({
      fontFamily: MONO,
      fontSize: 14,
      lineHeight: 1.15,
      cursorBlink: true,
      scrollback: 5000,
      theme: THEMES[store.getState().prefs.theme],
      // The accessible log below mirrors the output for screen readers in a calmer form.
      screenReaderMode: false,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    const refit = () => {
      try {
        fit.fit();
      } catch {
        // Zero-sized while the panel is collapsed: nothing to fit.
      }
    };
    refit();
    const ctl = new ConsoleController(term, store, GREETING);
    const data = term.onData((d) => ctl.input(d));
    const ro = new ResizeObserver(() => refit());
    ro.observe(el);
    termRef.current = term;
    term.focus();
    return () => {
      ro.disconnect();
      data.dispose();
      ctl.dispose();
      term.dispose();
      termRef.current = null;
    };
  }, [store]);

  useEffect(() => {
    if (termRef.current) termRef.current.options.theme = THEMES[theme];
  }, [theme]);

  return (
    <section className="console" aria-label={t(lang, 'console.label')}>
      {/* The padding lives on the frame: the fit addon sizes the terminal to its parent's box. */}
      <div className="terminal-frame">
        <div className="terminal-host" data-testid="terminal" ref={host} />
      </div>
      <AccessibleLog />
    </section>
  );
}
