import { Fieldset, NativeSelect, Stack, TextInput } from '@mantine/core';
import { conditionWords, meterConditions, meterPlacements, placementWords } from '../../shared/contract/visit';
import { words } from '../words';

export interface FindingsValue {
  placement: string;
  condition: string;
  model: string;
}

/** Where the meter hangs, its state and its model, each left «як у картці» when the card is right. */
export function FindingsFields({
  value,
  cardModel,
  onChange,
}: {
  value: FindingsValue;
  cardModel: string | null;
  onChange: (next: FindingsValue) => void;
}) {
  return (
    <Fieldset legend={words.findings} variant="filled">
      <Stack gap="sm">
        <NativeSelect
          label={words.placement}
          value={value.placement}
          onChange={(e) => onChange({ ...value, placement: e.currentTarget.value })}
          data={[{ value: '', label: words.asOnCard }, ...meterPlacements.map((p) => ({ value: p, label: placementWords[p] }))]}
        />
        <NativeSelect
          label={words.condition}
          value={value.condition}
          onChange={(e) => onChange({ ...value, condition: e.currentTarget.value })}
          data={[{ value: '', label: words.asOnCard }, ...meterConditions.map((c) => ({ value: c, label: conditionWords[c] }))]}
        />
        <TextInput
          label={words.model}
          description={words.modelOnCard(cardModel)}
          value={value.model}
          maxLength={60}
          onChange={(e) => onChange({ ...value, model: e.currentTarget.value })}
        />
      </Stack>
    </Fieldset>
  );
}
