import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { Console } from './console/Console';
import { Header } from './Header';
import { Help } from './Help';
import { LessonsLayout } from './lessons/LessonsPanel';
import { SplitPane } from './layout/SplitPane';
import { NoticeBar } from './NoticeBar';
import { useLab } from './StoreContext';
import { TopologyView } from './topology/TopologyView';

export function App() {
  const [help, setHelp] = useState(false);
  const theme = useLab((s) => s.prefs.theme);
  const lang = useLab((s) => s.prefs.lang);

  // Theme and language live on <html> so CSS variables and the document language follow them.
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = lang;
  }, [theme, lang]);

  return (
    <div className="app">
      <Header onHelp={() => setHelp(true)} />
      <NoticeBar />
      <main className="workspace">
        <LessonsLayout>
          <SplitPane
            label={t(lang, 'split.label')}
            first={
              <div className="topology-pane">
                <TopologyView />
              </div>
            }
            second={<Console />}
          />
        </LessonsLayout>
      </main>
      <Help open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
