// A labelled text input of a GET filter form (ids and codes: monospace, no autocomplete).
import { fieldClass } from "@/components/ui/select-field";

export function FilterTextField({
  label,
  name,
  value,
  width = "w-40",
}: {
  label: string;
  name: string;
  value: string | undefined;
  /** A Tailwind width class. */
  width?: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <input name={name} defaultValue={value ?? ""} className={`${fieldClass} ${width} font-mono`} autoComplete="off" />
    </label>
  );
}
