/** A list of choices from a fixed set (date_parts' parts): toggle pills, kept in the order chosen. */
export interface EnumPillsProps {
  options: readonly string[];
  items: string[];
  onChange: (items: string[]) => void;
  testId?: string;
}

export function EnumPills({ options, items, onChange, testId }: EnumPillsProps) {
  return (
    <div className="pills" role="group" data-testid={testId}>
      {options.map((option) => {
        const position = items.indexOf(option);
        const on = position !== -1;
        return (
          <button
            key={option}
            type="button"
            className={`pill${on ? ' on' : ''}`}
            aria-pressed={on}
            title={on ? `Remove ${option} (output #${position + 1})` : `Add ${option}`}
            onClick={() => onChange(on ? items.filter((i) => i !== option) : [...items, option])}
          >
            {option}
          </button>
        );
      })}
    </div>
  );
}
