/** A list of problems (an invalid import, a file that cannot be opened), each on its own line. */
import { Dialog } from './Dialog';

export function MessagesDialog({ title, messages, onClose }: { title: string; messages: string[]; onClose(): void }) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide
      testId="messages-dialog"
      footer={
        <button type="button" className="btn primary" onClick={onClose}>
          OK
        </button>
      }
    >
      {messages.length === 0 ? (
        <p>No details were given.</p>
      ) : (
        <ul className="message-list" data-testid="messages">
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
