import { ChoiceField } from '../../components/fields';
import { useState, type ReactNode } from 'react';
import { useRead } from '../../api/use-read';
import { FormModal } from '../../components/FormModal';

interface Props {
  title: ReactNode;
  submitLabel: string;
  /** Not offered: the controller the points or the task come from. */
  except: number | null;
  onClose: () => void;
  onPick: (employeeId: number, name: string) => Promise<void>;
}

/**
 * Another active controller, picked by the keyboard: the arrows move along the list, Enter takes
 * the one marked, Esc goes back. The core refuses anyone else anyway.
 */
export function ControllerPick(props: Props) {
  const { data } = useRead('employees.list', { onlyActiveControllers: true });
  // Opened once the list is there, so the first controller has the focus from the start.
  if (!data) return null;
  return <PickFrom {...props} options={data.filter((e) => e.id !== props.except).map((e) => ({ value: e.id, label: e.fullName }))} />;
}

function PickFrom({ title, submitLabel, onClose, onPick, options }: Props & { options: { value: number; label: string }[] }) {
  const [picked, setPicked] = useState<string>('');
  const chosen = options.find((option) => String(option.value) === picked) ?? options[0];
  return (
    <FormModal
      opened
      title={title}
      onClose={onClose}
      submitLabel={submitLabel}
      onSubmit={async () => {
        if (chosen) await onPick(chosen.value, chosen.label);
      }}
    >
      <ChoiceField
        value={chosen ? String(chosen.value) : ''}
        onValue={setPicked}
        options={options.map((option) => ({ value: String(option.value), label: option.label }))}
        testId="controller-pick"
      />
    </FormModal>
  );
}
