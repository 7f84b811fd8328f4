/** Switches between a node's table outputs (split: train/test; evaluate: out/confusion). */
import type { PortChoice } from './node-ports';

export function PortSwitcher({ ports, value, onChange }: { ports: PortChoice[]; value: string | undefined; onChange: (port: string) => void }) {
  return (
    <div className="dp-ports" role="radiogroup" aria-label="Output" data-testid="port-switcher">
      {ports.map((p) => (
        <button
          key={p.name}
          type="button"
          role="radio"
          aria-checked={p.name === value}
          className={p.name === value ? 'dp-port dp-port-active' : 'dp-port'}
          data-testid={`port-${p.name}`}
          title={`Show output “${p.name}”`}
          onClick={() => onChange(p.name)}
        >
          {p.label}
        </button>
      ))}
    </div>
  );
}
