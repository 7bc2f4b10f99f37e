import type { Commodity } from '../shared/contract/entry';

/**
 * The phone's words. The phone speaks Ukrainian only: the controllers' language, and the language
 * the workstation answers it in (Accept-Language: uk). Reading checks and entry errors come from
 * shared/i18n, so the phone says them exactly as the workstation's entry screen does.
 */
export const words = {
  appName: 'Обхід — контролер',
  loading: 'Завантаження…',

  pairTitle: 'Підʼєднання телефону',
  pairIntro: 'Відскануйте QR-код на екрані робочого місця (Сервіс → Телефони контролерів) і увійдіть своїм логіном.',
  code: 'Код',
  codeHint: 'Шість цифр з екрана робочого місця',
  login: 'Логін',
  password: 'Пароль',
  pair: "Під'єднати",
  pairing: 'Підʼєднання…',
  sessionEnded: 'Сеанс завершено — підʼєднайте телефон ще раз.',
  unsentKept: (count: number) =>
    `На телефоні ${count} ненадісланих результатів: вони збережені й будуть надіслані після підʼєднання. Увійдіть тим самим користувачем.`,

  signedInAs: 'Контролер',
  signOut: 'Вийти',
  signOutConfirm: (count: number) =>
    count > 0
      ? `Вийти? Ненадіслані результати (${count}) залишаться на телефоні й будуть надіслані після нового підʼєднання.`
      : 'Вийти з цього телефону?',

  loadPlan: 'Завантажити план',
  send: 'Надіслати',
  noPlan: 'План ще не завантажено. Натисніть «Завантажити план», коли телефон у мережі робочого місця.',
  noTasks: 'На сьогодні й наступні дні завдань немає.',
  planOf: (date: string) => `План від ${date}`,
  taskTitle: (date: string, route: number, name: string) => `${date} · маршрут ${route} «${name}»`,
  today: 'сьогодні',
  positionsDone: (done: number, total: number) => `Виконано ${done} з ${total}`,

  unsent: (count: number) => `Не надіслано: ${count}`,
  sent: (count: number) => `Надіслано: ${count}`,
  photosWaiting: (count: number) => `фото в черзі: ${count}`,
  refused: (count: number) => `Відхилено: ${count}`,
  refusedHere: 'Відхилено робочим місцем',
  sending: 'Надсилання…',
  planLoading: 'Завантаження плану…',
  offline: 'Немає звʼязку',
  lastError: 'Остання помилка',
  storageNotPersistent: 'Браузер не гарантує збереження даних: не очищуйте дані сайту, доки все не надіслано.',

  account: 'О/р',
  consumer: 'Споживач',
  meter: 'Лічильник',
  digits: (n: number) => `${n} розр.`,
  previous: 'Попередній показник',
  noPrevious: 'немає',
  deliver: 'Вручити',
  notes: 'Примітки',
  enteredByOffice: 'Внесено в офісі',
  enteredByOfficeHint: 'Цю позицію вже внесли з паперового листа: результат з телефону піде поруч для перевірки.',
  done: (value: string) => `Показник ${value}`,
  notDone: (reason: string) => `Не виконано: ${reason}`,
  waiting: 'не надіслано',
  delivered: 'надіслано',
  open: 'Відкрити',

  back: 'Назад',
  reading: 'Показник',
  readingHint: (digits: number | null) =>
    digits === null ? 'Цілі числа, без дробової частини' : `До ${digits} цифр, без дробової частини`,
  checkTitle: 'Показник потребує підтвердження',
  retype: 'Повторіть показник',
  retypeEmpty: 'Введіть показник ще раз, щоб підтвердити його.',
  retypeHint: 'Введіть той самий показник ще раз: його буде позначено для перевірки в офісі.',
  reason: 'Причина невиконання',
  noReason: '— виконано, є показник —',
  readingOrReason: 'Введіть показник або виберіть причину невиконання.',
  problems: 'Виявлені порушення',
  note: 'Примітка',
  findings: 'Що виявлено на лічильнику',
  placement: 'Розміщення лічильника',
  condition: 'Стан лічильника',
  asOnCard: '— як у картці —',
  model: 'Модель лічильника',
  modelOnCard: (model: string | null) => (model ? `У картці: ${model}` : 'У картці моделі немає'),
  photo: 'Фото лічильника',
  takePhoto: 'Сфотографувати лічильник',
  retakePhoto: 'Зробити інше фото',
  removePhoto: 'Прибрати фото',
  thumbnail: 'Знімок лічильника',
  compressing: 'Стискання фото…',
  photoFailed: 'Не вдалося обробити фото — спробуйте ще раз.',
  photoSent: 'фото надіслано',
  save: 'Зберегти',
  saved: 'Збережено на телефоні',
  saveFailed: 'Не вдалося зберегти на телефоні',
  location: 'Місце: GPS',

  noConnection: 'Немає звʼязку з робочим місцем — спробуйте пізніше. Усе записане збережено на телефоні.',
  showPassword: 'Показати або сховати введене',
  serverFailed: (status: number) => `Робоче місце відповіло помилкою (${status}). Спробуйте пізніше.`,
  badAnswer: 'Робоче місце відповіло незрозуміло. Спробуйте пізніше.',
} as const;

export const unitWords: Record<Commodity, string> = { electricity: 'кВт·год', gas: 'м³' };
