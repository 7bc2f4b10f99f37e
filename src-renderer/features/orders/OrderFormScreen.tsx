import { Button, Fieldset, Group, Kbd, Radio, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Input } from '../../../shared/contract/index';
import { orderCriteria, type OrderCriterion } from '../../../shared/contract/orders';
import { localToday } from '../../../shared/dates';
import { parseMoney } from '../../../shared/i18n/format';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useHotkeys } from '../../app/hotkeys';
import { useRouter } from '../../app/router';
import { useStatus } from '../../app/status';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MoneyField } from '../../components/fields';
import { Screen } from '../../components/Screen';
import { useI18n } from '../../i18n/i18n';
import { useRouteScope } from '../tasks/RouteScope';
import { MassProgress, WarningBoxes } from '../tasks/MassForming';

type Counts = { nonPayment: number; nonAdmittance: number };

/**
 * Робота з абонентом / Завдання і попередження / Формування нарядів на відключення. One order a
 * route; a section (or every route) is formed route by route with a progress bar, as walk tasks
 * are. A route the criterion picks nothing on is answered `order.nothingSelected` (or, when
 * the ticked warnings were formed there, an answer without an order): counted, not an error. Tab walks the fields, arrows pick the criterion, Space ticks, Enter or F9 executes.
 */
export function OrderFormScreen({ routeId: initialRoute }: { routeId?: number | undefined }) {
  const { t } = useI18n();
  const api = useApi();
  const { go } = useRouter();
  const status = useStatus();
  const { scope, routeId, sectionId, picker } = useRouteScope(initialRoute);
  const [orderDate, setOrderDate] = useState(localToday);
  const [criterion, setCriterion] = useState<OrderCriterion>('warnings');
  // Typed in гривні as text; the contract gets kopecks.
  const [debt, setDebt] = useState('500,00');
  const debtKop = parseMoney(debt);
  const [warnNonPayment, setWarnNonPayment] = useState(false);
  const [warnNonAdmittance, setWarnNonAdmittance] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [formed, setFormed] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const request = (id: number): Input<'orders.form'> => ({
    routeId: id,
    orderDate,
    criterion,
    debtMinKop: criterion === 'debt' ? debtKop : null,
    warnNonPayment,
    warnNonAdmittance,
  });

  /** What came with the orders besides their positions: points left out and why, warnings when a box was ticked. */
  const extras = (skipped: { moratorium: number; noNotice: number }, warnings: Counts) =>
    [
      skipped.moratorium > 0 ? t('orders.skippedMoratorium', { count: skipped.moratorium }) : '',
      skipped.noNotice > 0 ? t('orders.skippedNoNotice', { count: skipped.noNotice }) : '',
      warnNonPayment || warnNonAdmittance ? t('tasks.warningsFormed', warnings) : '',
    ]
      .filter(Boolean)
      .map((line) => ` ${line}`)
      .join('');

  const formOne = async (id: number) => {
    const result = await api.call('orders.form', request(id));
    setFormed(result.orderId);
    // No point met the criterion, yet the ticked warnings were formed: that is said, not refused.
    const formedLine =
      result.orderId === null
        ? t('orders.noOrder', { name: result.name })
        : t('orders.formed', { name: result.name, positions: result.positions });
    status.show(`${formedLine}${extras({ moratorium: result.skippedMoratorium, noNotice: result.skippedNoNotice }, result.warnings)}`);
  };

  const formMany = async () => {
    if (scope === 'section' && sectionId === null) return status.show(t('tasks.section'), 'error');
    const routes = await api.call('tasks.routesToForm', { sectionId: scope === 'section' ? sectionId : null, taskDate: orderDate });
    let orders = 0;
    let positions = 0;
    let empty = 0;
    const skipped = { moratorium: 0, noNotice: 0 };
    const warnings = { nonPayment: 0, nonAdmittance: 0 };
    const failed: number[] = [];
    setProgress({ done: 0, total: routes.length });
    for (const [index, route] of routes.entries()) {
      try {
        const result = await api.call('orders.form', request(route.routeId));
        if (result.orderId === null) empty++;
        else orders++;
        positions += result.positions;
        skipped.moratorium += result.skippedMoratorium;
        skipped.noNotice += result.skippedNoNotice;
        warnings.nonPayment += result.warnings.nonPayment;
        warnings.nonAdmittance += result.warnings.nonAdmittance;
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'order.nothingSelected') empty++;
        else if (caught instanceof ApiError && caught.code === 'request.invalid') throw caught;
        else failed.push(route.number);
      }
      setProgress({ done: index + 1, total: routes.length });
    }
    status.show(`${t('orders.massDone', { formed: orders, positions, empty })}${extras(skipped, warnings)}`);
    if (failed.length) setError(new ApiError({ code: 'internal', message: t('tasks.massErrors', { routes: failed.join(', ') }) }));
  };

  // A debt threshold that is not a sum must not quietly become "every debtor".
  const debtInvalid = criterion === 'debt' && (debtKop === null || debtKop < 1);

  const execute = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (debtInvalid) return status.show(t('tasks.debtInvalid'), 'error');
    if (!orderDate) return status.show(t('date.invalid'), 'error');
    if (scope === 'route' && routeId === null) return status.show(t('assign.pickRouteFirst'), 'error');
    setBusy(true);
    setFormed(null);
    setError(null);
    setProgress(null);
    try {
      await (scope === 'route' && routeId !== null ? formOne(routeId) : formMany());
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setError(caught);
      status.show(caught.message, 'error');
    } finally {
      setBusy(false);
    }
  };
  useHotkeys({ f9: () => void execute() });

  return (
    <Screen
      title={t('orders.formTitle')}
      actions={
        <Button variant="default" onClick={() => go({ name: 'orders' })}>
          {t('orders.toList')}
        </Button>
      }
    >
      <form onSubmit={(event) => void execute(event)} noValidate>
        <Stack gap="sm" maw={980}>
          {picker}
          <DateField label={t('orders.date')} value={orderDate} onValue={setOrderDate} required w={180} />
          <Fieldset legend={t('orders.criterion')}>
            <Stack gap={6}>
              <Radio.Group value={criterion} onChange={(value) => setCriterion(value)} aria-label={t('orders.criterion')}>
                <Stack gap={8}>
                  {orderCriteria.map((value) =>
                    value === 'debt' ? (
                      <Group key={value} gap="xs" wrap="nowrap" align="center">
                        <Radio value={value} label={t('orders.criterion.debt')} w={300} />
                        <MoneyField
                          aria-label={t('orders.criterion.debt')}
                          value={debt}
                          onValue={(text) => {
                            setDebt(text);
                            setCriterion('debt');
                          }}
                          error={debtInvalid && debtKop !== null ? t('tasks.debtInvalid') : undefined}
                          w={170}
                        />
                      </Group>
                    ) : (
                      <Radio key={value} value={value} label={t(`orders.criterion.${value}`)} />
                    ),
                  )}
                </Stack>
              </Radio.Group>
              <Text size="xs" c="dimmed">
                {t('orders.criterionHint')}
              </Text>
            </Stack>
          </Fieldset>
          <WarningBoxes
            legend={t('orders.warnings')}
            nonPayment={warnNonPayment}
            nonAdmittance={warnNonAdmittance}
            onNonPayment={setWarnNonPayment}
            onNonAdmittance={setWarnNonAdmittance}
          />
          <Group>
            <Button type="submit" loading={busy} rightSection={<Kbd size="xs">F9</Kbd>}>
              {t('orders.execute')}
            </Button>
            {formed !== null && (
              <Button variant="default" autoFocus onClick={() => go({ name: 'order', id: formed })}>
                {t('orders.open')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('orders.formKeys')}
          </Text>
          <MassProgress progress={progress} busy={busy} />
          <ErrorAlert error={error} />
        </Stack>
      </form>
    </Screen>
  );
}
