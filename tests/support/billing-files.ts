/** The column headings of an accounts file as the billing system exports it, in its order. */
export const accountsFileHeader = [
  'О/р',
  'ПІБ',
  'Телефон',
  'Населений пункт',
  'Тип НП',
  'Вулиця',
  'Тип вулиці',
  'Будинок',
  'Квартира',
  'Вид',
  'Лічильник',
  'Модель',
  'Розрядність',
  'Повірка',
];
