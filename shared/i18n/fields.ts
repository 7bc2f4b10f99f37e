import type { Locale } from './locales';

/** Request field names as the forms label them, so a rejected request names the field the user sees. */
const labels: Record<string, Record<Locale, string>> = {
  number: { uk: 'Номер', en: 'Number' },
  name: { uk: 'Найменування', en: 'Name' },
  fullName: { uk: 'ПІБ', en: 'Full name' },
  kind: { uk: 'Тип', en: 'Kind' },
  sectionId: { uk: 'Дільниця', en: 'Section' },
  executorId: { uk: 'Виконавець', en: 'Executor' },
  settlementId: { uk: 'Населений пункт', en: 'Settlement' },
  streetId: { uk: 'Вулиця', en: 'Street' },
  routeId: { uk: 'Маршрут', en: 'Route' },
  query: { uk: 'Пошук', en: 'Search' },
  phone: { uk: 'Телефон', en: 'Phone' },
  position: { uk: 'Посада', en: 'Position' },
  houseIds: { uk: 'Будинки', en: 'Houses' },
  pointIds: { uk: 'Точки обліку', en: 'Metering points' },
  taskDate: { uk: 'Дата завдання', en: 'Task date' },
  planCapacity: { uk: 'Показників за день', en: 'Readings a day' },
  date: { uk: 'Дата', en: 'Date' },
  toEmployeeId: { uk: 'Контролер', en: 'Controller' },
  employeeId: { uk: 'Контролер', en: 'Controller' },
  debtMinKop: { uk: 'Борг від', en: 'Debt from' },
  noControlDays: { uk: 'Без контрольного показника, днів', en: 'No control reading, days' },
  verificationDueDays: { uk: 'Повірка протягом, днів', en: 'Verification within, days' },
  dateFrom: { uk: 'Дата з', en: 'Date from' },
  dateTo: { uk: 'Дата по', en: 'Date to' },
  ids: { uk: 'Вибрані попередження', en: 'Selected warnings' },
  how: { uk: 'Спосіб вручення', en: 'How issued' },
  issuedOn: { uk: 'Дата вручення', en: 'Issue date' },
  reason: { uk: 'Причина', en: 'Reason' },
  note: { uk: 'Примітка', en: 'Note' },
  commodity: { uk: 'Вид обліку', en: 'Commodity' },
  shares: { uk: 'Частки за місяцями', en: 'Monthly shares' },
};

/** The innermost named field wins: "criteria.debtMinKop" is labelled as the debt, not the criteria. */
export const fieldLabel = (path: string, locale: Locale): string => {
  const named = path
    .split('.')
    .reverse()
    .find((part) => labels[part]);
  return named ? labels[named]![locale] : path;
};
