import { describedBy, Field } from './field';
import { Input } from './input';
import { NativeSelect } from './native-select';
import { Textarea } from './textarea';

/**
 * Labelled controls wired for errors and hints (`aria-invalid`, `aria-describedby`); spread a react-hook-form
 * registration into them: `<FieldInput id="x" label="Name" error={errorOf('name')} {...form.register('name')} />`.
 */
interface Labelled {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  fieldClassName?: string;
}

export function FieldInput({ id, label, error, hint, fieldClassName, ...props }: Labelled & React.ComponentProps<'input'>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={fieldClassName}>
      <Input id={id} aria-invalid={!!error} aria-describedby={describedBy(id, error, hint)} {...props} />
    </Field>
  );
}

export function FieldTextarea({ id, label, error, hint, fieldClassName, ...props }: Labelled & React.ComponentProps<'textarea'>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={fieldClassName}>
      <Textarea id={id} aria-invalid={!!error} aria-describedby={describedBy(id, error, hint)} {...props} />
    </Field>
  );
}

export function FieldSelect({ id, label, error, hint, fieldClassName, ...props }: Labelled & React.ComponentProps<'select'>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={fieldClassName}>
      <NativeSelect id={id} aria-invalid={!!error} aria-describedby={describedBy(id, error, hint)} {...props} />
    </Field>
  );
}
