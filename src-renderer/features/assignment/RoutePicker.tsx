import { PickSelect } from '../../components/PickSelect';
import { useRouteOptions } from '../../components/options';
import { useI18n } from '../../i18n/i18n';

/** The route an assignment goes to: typed by number or name. */
export function RoutePicker({
  value,
  onChange,
  autoFocus,
}: {
  value: number | null;
  onChange: (id: number | null) => void;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const options = useRouteOptions();
  return (
    <PickSelect<number>
      label={t('assign.route')}
      data={options}
      value={value}
      onChange={onChange}
      w={420}
      autoFocus={autoFocus}
      data-testid="assign-route"
    />
  );
}
