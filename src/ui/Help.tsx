import { useEffect, useRef } from 'react';
import { t } from '../i18n';
import { useLab } from './StoreContext';

/** The help dialog: a native <dialog>, so focus trapping and Escape come from the browser. */
export function Help({ open, onClose }: { open: boolean; onClose: () => void }) {
  const lang = useLab((s) => s.prefs.lang);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="help" onClose={onClose} aria-labelledby="help-title" data-testid="help-dialog">
      <h2 id="help-title">{t(lang, 'help.title')}</h2>
      <p>{t(lang, 'help.body1')}</p>
      <p>{t(lang, 'help.body2')}</p>
      <p>{t(lang, 'help.body3')}</p>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t(lang, 'help.close')}
        </button>
      </form>
    </dialog>
  );
}
