'use client';
import { closeDialog, Dialog, DialogTitle } from '@/components/ui/dialog';
import { buttonClass } from '@/components/ui/button-class';

const SHORTCUTS = (modifier: string): { keys: string[]; what: string }[] => [
  { keys: [modifier, 'K'], what: 'Open the command bar: jump to a customer, indirect provider, template or page' },
  { keys: ['/'], what: 'Search the list on this page' },
  { keys: ['j'], what: 'Next row in a list' },
  { keys: ['k'], what: 'Previous row in a list' },
  { keys: ['Enter'], what: 'Open the highlighted row or result' },
  { keys: ['Esc'], what: 'Close the dialog or command bar' },
  { keys: ['?'], what: 'Show these shortcuts' },
];

/** The keyboard shortcuts help (`?`), in the one Dialog. Single keys don't fire while typing in a field. */
export default function ShortcutsHelp({ open, modifier, onClose }: { open: boolean; modifier: string; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} description testId="shortcuts-help">
      {(ids) => (
        <div className="p-5">
          <DialogTitle id={ids.title}>Keyboard shortcuts</DialogTitle>
          <p id={ids.description} className="mt-1 text-sm text-slate-600">
            Single-key shortcuts work when you are not typing in a field.
          </p>
          <table className="mt-4 w-full text-sm">
            <caption className="sr-only">Keyboard shortcuts</caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {SHORTCUTS(modifier).map((s) => (
                <tr key={s.what}>
                  <td className="whitespace-nowrap py-2 pr-4">
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="px-1 text-slate-500">+</span>}
                        <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-sans text-xs">{k}</kbd>
                      </span>
                    ))}
                  </td>
                  <td className="py-2 text-slate-700">{s.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-5 flex justify-end">
            <button type="button" className={buttonClass('secondary')} onClick={closeDialog}>
              Close
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
