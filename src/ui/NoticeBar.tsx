import { t } from '../i18n';
import { useLab, useLabStore } from './StoreContext';

export function NoticeBar() {
  const store = useLabStore();
  const notice = useLab((s) => s.notice);
  const lang = useLab((s) => s.prefs.lang);
  if (!notice) return null;
  const text = t(lang, `notice.${notice.key}`, { n: notice.detail ?? '' });
  return (
    <div className={`notice notice-${notice.key}`} role="status" data-testid="notice">
      <span>{text}</span>
      <button type="button" className="icon-button" onClick={() => store.getState().dismissNotice()} aria-label={t(lang, 'notice.dismiss')}>
        ×
      </button>
    </div>
  );
}
