import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n';
import { shareUrl } from '../store';
import { useLab, useLabStore } from './StoreContext';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Share this lab as a link: the page's address with the seed and lines in its fragment (no server).
 * A native <dialog> like Help: the browser traps focus and closes it on Escape.
 */
export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const store = useLabStore();
  const lang = useLab((s) => s.prefs.lang);
  const ref = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  // The link is made when the dialog opens: what the lab is at that moment.
  const [shared, setShared] = useState<{ link: string | null; lines: number }>({ link: null, lines: 0 });
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      const { seed, lines } = store.getState();
      setShared({ link: shareUrl(location.href, { seed, lines }), lines: lines.length });
      setCopy('idle');
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open, store]);

  // Select the link once it is in the field, so Ctrl+C copies it whatever the clipboard API allows.
  useEffect(() => {
    if (open && shared.link) {
      field.current?.focus();
      field.current?.select();
    }
  }, [open, shared.link]);

  const doCopy = (link: string) => {
    const selectField = () => {
      field.current?.focus();
      field.current?.select();
    };
    const refused = () => {
      selectField();
      setCopy('failed');
    };
    try {
      navigator.clipboard.writeText(link).then(() => {
        setCopy('copied');
        selectField();
      }, refused);
    } catch {
      refused(); // no clipboard API (an insecure origin): the selected field is the way
    }
  };

  return (
    <dialog ref={ref} className="help share" onClose={onClose} aria-labelledby="share-title" data-testid="share-dialog">
      <h2 id="share-title">{t(lang, 'share.title')}</h2>
      {shared.link ? (
        <>
          <p id="share-body">{t(lang, 'share.body')}</p>
          <div className="share-row">
            <input
              ref={field}
              type="text"
              readOnly
              value={shared.link}
              aria-label={t(lang, 'share.field')}
              aria-describedby="share-body"
              onFocus={(e) => e.currentTarget.select()}
              data-testid="share-link"
            />
            <button type="button" onClick={() => doCopy(shared.link ?? '')} data-testid="share-copy">
              {t(lang, 'share.copy')}
            </button>
          </div>
          <p className="share-status" role="status" data-testid="share-status">
            {copy === 'copied' ? t(lang, 'share.copied') : copy === 'failed' ? t(lang, 'share.copy-failed') : ''}
          </p>
        </>
      ) : (
        <p data-testid="share-empty">{t(lang, shared.lines === 0 ? 'share.empty' : 'share.too-long')}</p>
      )}
      <form method="dialog">
        <button type="submit" autoFocus={!shared.link}>
          {t(lang, 'share.close')}
        </button>
      </form>
    </dialog>
  );
}
