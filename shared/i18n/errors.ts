import { formatDate, formatMoney } from './format';
import { format, type Locale } from './locales';

/** Every error the core can raise, in both locales. The core raises codes; this turns them into words. */
const messages = {
  'request.unknownChannel': {
    uk: 'Невідомий запит «{channel}».',
    en: 'Unknown request "{channel}".',
  },
  'request.invalid': {
    uk: 'Заповніть правильно: {fields}.',
    en: 'Please fill in correctly: {fields}.',
  },
  'request.unauthorized': {
    uk: 'Запит відхилено: немає дозволу цього сеансу.',
    en: 'Request refused: this session is not authorised.',
  },
  internal: {
    uk: 'Внутрішня помилка програми. Дані не змінено. ({detail})',
    en: 'Internal application error. Nothing was changed. ({detail})',
  },
  'field.required': { uk: 'Поле «{label}» обовʼязкове.', en: 'The field "{label}" is required.' },
  'notFound.route': { uk: 'Маршрут не знайдено (можливо, його видалено).', en: 'Route not found (it may have been deleted).' },
  'notFound.section': { uk: 'Дільницю не знайдено.', en: 'Section not found.' },
  'notFound.employee': { uk: 'Службовця не знайдено.', en: 'Employee not found.' },
  'notFound.settlement': { uk: 'Населений пункт не знайдено.', en: 'Settlement not found.' },
  'notFound.street': { uk: 'Вулицю не знайдено.', en: 'Street not found.' },
  'notFound.house': { uk: 'Будинок не знайдено.', en: 'House not found.' },
  'notFound.account': { uk: 'Особовий рахунок не знайдено.', en: 'Account not found.' },
  'notFound.task': { uk: 'Завдання не знайдено (можливо, його видалено).', en: 'Task not found (it may have been deleted).' },
  'task.nothingSelected': {
    uk: 'За цим критерієм на маршруті № {number} немає жодної точки обліку — завдання не сформовано.',
    en: 'No metering point on route No. {number} meets this criterion — no task was formed.',
  },
  'task.duplicate': {
    uk: 'Маршрут № {number} вже має завдання на {date:date} (завдань — {count}). Сформувати ще одне?',
    en: 'Route No. {number} already has a task for {date:date} ({count}). Form another one?',
  },
  'task.hasOutcomes': {
    uk: 'Завдання від {date:date} по маршруту № {number} не можна видалити: рознесено позицій — {outcomes} (показників — {readings}, причин невиконання — {reasons}). Рознесені результати обходу зберігаються.',
    en: 'The task of {date:date} for route No. {number} cannot be deleted: {outcomes} position(s) have been entered ({readings} reading(s), {reasons} non-execution reason(s)). Entered walk results are kept.',
  },
  'task.notAController': {
    uk: '{name} — не діючий контролер: завдання можна передати лише діючому контролеру.',
    en: '{name} is not an active controller: a task can only be given to an active controller.',
  },
  'plan.pastDate': {
    uk: 'Денний план складають на сьогодні або наперед, а не на {date:date}.',
    en: 'A day’s plan is made for today or a day to come, not for {date:date}.',
  },
  'plan.notAController': {
    uk: '{name} — не діючий контролер: денного плану для нього немає.',
    en: '{name} is not an active controller: there is no day’s plan for them.',
  },
  'plan.alreadyFormed': {
    uk: 'План {name} на {date:date} уже сформовано завданнями — змінюйте завдання (передати іншому контролеру можна зі списку завдань).',
    en: 'The plan of {name} for {date:date} is already formed as tasks — change the tasks instead (the task list hands one to another controller).',
  },
  'plan.pointTaken': {
    uk: 'О/р {account} уже є в завданні, яке ще не рознесено (завдання № {taskId}) — двічі за один обхід точку не планують.',
    en: 'Account {account} is already in a task not yet entered (task No. {taskId}) — a point is not planned twice.',
  },
  'plan.nothingToForm': {
    uk: 'На {date:date} немає жодного несформованого плану з точками — нічого не сформовано.',
    en: 'No unformed plan with points for {date:date} — nothing was formed.',
  },
  'route.hasTasks': {
    uk: 'Маршрут № {number} має завдання на обхід ({count}) — його не можна видалити.',
    en: 'Route No. {number} has walk tasks ({count}) — it cannot be deleted.',
  },
  'print.noPdfEngine': {
    uk: 'Для PDF у браузерному режимі потрібен Chromium на цьому компʼютері. Скористайтеся «Друк» → «Зберегти як PDF».',
    en: 'PDF in browser mode needs Chromium on this computer. Use "Print" → "Save as PDF" instead.',
  },
  'notFound.position': { uk: 'Позицію завдання не знайдено.', en: 'Task position not found.' },
  'notFound.point': { uk: 'Точку обліку не знайдено.', en: 'Metering point not found.' },
  'notFound.check': { uk: 'Такого показника в черзі контролю немає.', en: 'No such reading in the check queue.' },
  'checks.alreadyDecided': {
    uk: 'Щодо цього показника вже прийнято рішення ({by}).',
    en: 'This reading has already been decided on ({by}).',
  },
  'checks.readingGone': {
    uk: 'Показник уже змінено при розносці — рішення щодо старого значення не потрібне.',
    en: 'The reading was entered again — the old value needs no decision.',
  },
  'checks.valueRequired': { uk: 'Введіть правильний показник.', en: 'Type the correct reading.' },
  'checks.correctionBelowPrevious': {
    uk: 'Показник {value} менший за попередній контрольний ({previous}) — так виправити не можна.',
    en: 'The reading {value} is below the previous control reading ({previous}) — it cannot be corrected to that.',
  },
  'mark.dateInFuture': {
    uk: 'Дата позначки {date:date} ще не настала.',
    en: 'The mark date {date:date} is in the future.',
  },
  'entry.notANumber': { uk: 'Показник — ціле число без пробілів і літер.', en: 'A reading is a whole number without spaces or letters.' },
  'entry.negative': { uk: 'Показник не може бути відʼємним.', en: 'A reading cannot be negative.' },
  'entry.tooManyDigits': {
    uk: 'Показник має більше цифр, ніж лічильник ({digits} розр.).',
    en: 'The reading has more digits than the meter ({digits}).',
  },
  'entry.dateInFuture': { uk: 'Дата перевірки {date:date} ще не настала.', en: 'The check date {date:date} is in the future.' },
  'entry.dateBeforeTask': {
    uk: 'Дата перевірки не може бути раніше дати завдання ({date:date}).',
    en: 'The check date cannot be before the task date ({date:date}).',
  },
  'entry.noMeter': {
    uk: 'У цієї точки обліку немає лічильника — оберіть причину невиконання (F8); примітку можна додати до неї.',
    en: 'This metering point has no meter — pick a non-execution reason (F8); a note may go with it.',
  },
  'entry.check': {
    uk: 'Показник не пройшов перевірку — підтвердіть, що він правильний, або виправте його.',
    en: 'The reading failed a check — confirm it is correct or correct it.',
  },
  'entry.belowPrevious': {
    uk: 'Показник {value} менший за попередній ({previous}). Перевірте обидва.',
    en: 'The reading {value} is below the previous one ({previous}). Check both.',
  },
  'entry.retypeMismatch': {
    uk: 'Повторно введений показник не збігається з першим — перевірте значення.',
    en: 'The re-typed reading does not match the first one — check the value.',
  },
  'entry.unknownReason': { uk: 'Такої причини невиконання немає в довіднику.', en: 'No such non-execution reason in the directory.' },
  'entry.unknownProblem': { uk: 'Такої позначки немає в довіднику.', en: 'No such problem in the directory.' },
  'visit.noMeter': {
    uk: 'У картці цієї точки обліку немає лічильника — що виявлено на лічильнику, записати нікуди. Лічильник приходить файлом з білінгу.',
    en: 'This metering point has no meter on its card — there is nothing to record the findings on. Meters come in the billing system’s file.',
  },
  'visit.serialRequired': { uk: 'Вкажіть номер нового лічильника.', en: 'Type the new meter’s serial number.' },
  'visit.sameSerial': {
    uk: 'Лічильник № {serial} уже стоїть на цій точці — для заміни вкажіть номер нового.',
    en: 'Meter No. {serial} is already on this point — a replacement needs the new meter’s number.',
  },
  'visit.digits': {
    uk: 'Розрядність нового лічильника — ціле число від 3 до 9.',
    en: 'The new meter’s digits are a whole number from 3 to 9.',
  },
  'visit.initialValue': {
    uk: 'Початковий показник нового лічильника — ціле число, що вміщується в {digits} розр.',
    en: 'The new meter’s initial reading is a whole number that fits its {digits} digits.',
  },
  'visit.finalValue': {
    uk: 'Кінцевий показник знятого лічильника — ціле число, що вміщується в {digits} розр.',
    en: 'The removed meter’s final reading is a whole number that fits its {digits} digits.',
  },
  'visit.installedAfterCheck': {
    uk: 'Дата заміни {date:date} пізніша за дату перевірки {checked:date}.',
    en: 'The replacement date {date:date} is after the check date {checked:date}.',
  },
  'visit.installedBeforeReading': {
    uk: 'Дата заміни {date:date} раніша за останній контрольний показник знятого лічильника ({last:date}) — вкажіть дату, не ранішу за нього.',
    en: 'The replacement date {date:date} is before the removed meter’s last control reading ({last:date}) — give a date no earlier than that.',
  },
  'visit.verificationBeforeInstall': {
    uk: 'Повірка нового лічильника до {date:date} — раніше, ніж його встановлено.',
    en: 'The new meter’s verification due {date:date} is before it was installed.',
  },
  'visit.finalBelowPrevious': {
    uk: 'Кінцевий показник знятого лічильника {value} менший за його попередній контрольний ({previous}) — перевірте обидва.',
    en: 'The removed meter’s final reading {value} is below its previous control reading ({previous}) — check both.',
  },
  'visit.replacementSettled': {
    uk: 'Заміну лічильника № {serial} уже не можна скасувати: після неї є показник або інша заміна ({date:date}). Виправте показники в «Контролі показників».',
    en: 'The replacement of meter No. {serial} can no longer be taken back: a reading or another replacement follows it ({date:date}). Correct the readings in the correction queue.',
  },
  'visit.serialWithReplacement': {
    uk: 'Номер і модель «як виявлено» вказують для того самого лічильника; для заміненого — у полях нового лічильника.',
    en: 'The serial and model "as found" are for the same meter; a replaced one’s go in the new meter’s fields.',
  },
  'backup.notADatabase': {
    uk: 'Файл {file} не є справною базою «Обходу» ({detail}).',
    en: 'The file {file} is not a sound Obhid database ({detail}).',
  },
  'backup.tooNew': {
    uk: 'Копію створено новішою версією програми (схема {schema}) — її не можна відновити тут.',
    en: 'The copy was made by a newer Obhid (schema {schema}) and cannot be restored here.',
  },
  'auth.required': { uk: 'Увійдіть у програму.', en: 'Please sign in.' },
  'auth.locked': {
    uk: 'Робоче місце заблоковано після бездіяльності — введіть пароль.',
    en: 'The workstation was locked after inactivity — enter your password.',
  },
  'auth.forbidden': {
    uk: 'Недостатньо прав: потрібна роль «{role}».',
    en: 'Not allowed: this needs the "{role}" role.',
  },
  'auth.badCredentials': { uk: 'Невірний логін або пароль.', en: 'Wrong login or password.' },
  'auth.alreadySetUp': { uk: 'Адміністратора вже створено — увійдіть.', en: 'The administrator already exists — sign in.' },
  'notFound.user': { uk: 'Користувача не знайдено.', en: 'User not found.' },
  'user.loginTaken': { uk: 'Логін «{login}» вже зайнятий.', en: 'The login "{login}" is taken.' },
  'auth.controllerOnPhone': {
    uk: 'Контролер працює з телефону: під’єднайте його в Сервіс → Телефони контролерів.',
    en: 'A controller works from the phone: pair it in Service → Controllers’ phones.',
  },
  'user.controllerEmployee': {
    uk: 'Для контролера виберіть працівника-контролера, чиї завдання він бачитиме.',
    en: 'For a controller, choose the controller employee whose tasks they will see.',
  },
  'field.badCredentials': {
    uk: 'Невірний логін або пароль, або користувач не контролер.',
    en: 'Wrong login or password, or the user is not a controller.',
  },
  'field.pairingCodeInvalid': {
    uk: 'Код під’єднання невірний, уже використаний або старший за {minutes} хв. Попросіть новий код.',
    en: 'The pairing code is wrong, used already or older than {minutes} min. Ask for a new one.',
  },
  'notFound.fieldSession': { uk: 'Сеанс телефону не знайдено.', en: 'Phone session not found.' },
  'field.notYourPosition': {
    uk: 'Позиція {position} не з ваших завдань. Завантажте план знову.',
    en: 'Position {position} is not in your tasks. Download the plan again.',
  },
  'field.clientIdReused': {
    uk: 'Цей ідентифікатор уже надіслано для іншої позиції.',
    en: 'This id was already sent for another position.',
  },
  'photo.tooLarge': { uk: 'Фото більше за {kb} КБ: зменште його.', en: 'The photo is over {kb} KB: make it smaller.' },
  'photo.notImage': { uk: 'Це не фото (очікується JPEG, PNG або WebP).', en: 'This is not a photo (JPEG, PNG or WebP expected).' },
  'photo.noFolder': { uk: 'Фото не можна зберегти: база даних не на диску.', en: 'Photos cannot be kept: the database is not on disk.' },
  'notFound.photo': { uk: 'Фото не знайдено.', en: 'Photo not found.' },
  'photo.fileMissing': {
    uk: 'Файл фото «{file}» зник з папки photos біля бази даних.',
    en: 'The photo file "{file}" is missing from the photos folder beside the database.',
  },
  'user.employeeTaken': { uk: 'Цей працівник уже має свого користувача.', en: 'This employee already has a user.' },
  'user.passwordRequired': {
    uk: 'Для нового користувача задайте пароль (щонайменше 8 символів).',
    en: 'Set a password (8 characters or more) for a new user.',
  },
  'user.lastAdmin': {
    uk: 'Має лишитися хоча б один діючий адміністратор.',
    en: 'At least one active administrator must remain.',
  },
  'db.damaged': {
    uk: 'Базу даних пошкоджено ({detail}). Відновіть її з резервної копії.',
    en: 'The database is damaged ({detail}). Restore it from a backup.',
  },
  'setting.outOfRange': {
    uk: 'Значення має бути цілим числом від {min} до {max}.',
    en: 'The value must be a whole number from {min} to {max}.',
  },
  'setting.notAChoice': {
    uk: 'Виберіть одне зі значень списку.',
    en: 'Choose one of the values in the list.',
  },
  'moratorium.toBeforeFrom': {
    uk: 'Мораторій не може закінчитися ({to:date}) раніше, ніж почався ({from:date}).',
    en: 'A moratorium cannot end ({to:date}) before it starts ({from:date}).',
  },
  'notFound.moratorium': { uk: 'Мораторій не знайдено (можливо, його видалено).', en: 'Moratorium not found (it may have been deleted).' },
  'notFound.warning': {
    uk: 'Попередження не знайдено (можливо, список застарів — оновіть його). Нічого не змінено.',
    en: 'Warning not found (the list may be out of date — refresh it). Nothing was changed.',
  },
  'warning.notFormed': {
    uk: 'Попередження по о/р {account} не в статусі «Сформований» — видати можна лише сформоване. Жодного попередження не видано.',
    en: 'The warning for account {account} is not "Formed" — only a formed warning can be issued. No warning was issued.',
  },
  'warning.issueInFuture': {
    uk: 'Дата вручення {date:date} ще не настала.',
    en: 'The issue date {date:date} is in the future.',
  },
  'warning.issuedBeforeFormed': {
    uk: 'Попередження по о/р {account} сформоване на {asOf:date} — його не могли вручити раніше, {date:date}. Жодного попередження не видано.',
    en: 'The warning for account {account} was formed as of {asOf:date} — it cannot have been issued earlier, on {date:date}. No warning was issued.',
  },
  'warning.closed': {
    uk: 'Попередження по о/р {account} вже виконане або скасоване — скасувати можна лише сформоване чи видане. Жодного попередження не скасовано.',
    en: 'The warning for account {account} is already executed or cancelled — only a formed or issued one can be cancelled. No warning was cancelled.',
  },
  'warning.noticeNotInForce': {
    uk: 'Попередження по о/р {account} вже виконане або скасоване — друкується повідомлення лише сформованого чи виданого. Нічого не надруковано.',
    en: 'The warning for account {account} is already executed or cancelled — only a formed or issued warning has a notice to print. Nothing was printed.',
  },
  'warning.noNoticesForTask': {
    uk: 'Із цим завданням не сформовано жодного чинного попередження — друкувати нічого.',
    en: 'No warning in force was formed with this task — there is nothing to print.',
  },
  'warning.noteRequired': {
    uk: 'Для причини «Інша причина (оператор)» напишіть, яка саме.',
    en: 'For the reason "Other (operator)" write what it is.',
  },
  'notFound.order': {
    uk: 'Наряд не знайдено (можливо, список застарів — оновіть його).',
    en: 'Order not found (the list may be out of date — refresh it).',
  },
  'notFound.orderPosition': {
    uk: 'Позицію наряду не знайдено (можливо, список застарів — оновіть його). Нічого не змінено.',
    en: 'Order position not found (the list may be out of date — refresh it). Nothing was changed.',
  },
  'notFound.reconnection': {
    uk: 'Наряд на підключення не знайдено (можливо, список застарів — оновіть його). Нічого не змінено.',
    en: 'Reconnection order not found (the list may be out of date — refresh it). Nothing was changed.',
  },
  'order.nothingSelected': {
    uk: 'На маршруті № {number} немає точок для наряду (пропущено через мораторій: {moratorium}; без врученого попередження, строк якого минув: {noNotice}). Наряд не сформовано.',
    en: 'Route No. {number} has no point to order (left out for a moratorium: {moratorium}; without an issued warning whose notice period has run: {noNotice}). No order was formed.',
  },
  'order.debtMinRequired': {
    uk: 'Вкажіть суму боргу, від якої формувати наряд.',
    en: 'Enter the debt from which to form the order.',
  },
  'order.alreadyRecorded': {
    uk: 'По о/р {account} результат наряду вже записано — акт підписано, його не змінюють.',
    en: 'The outcome for account {account} is already recorded — the act is signed and is not changed.',
  },
  'order.doneInFuture': {
    uk: 'Дата відключення {date:date} ще не настала.',
    en: 'The cut-off date {date:date} is in the future.',
  },
  'order.doneBeforeOrder': {
    uk: 'Наряд сформовано на {orderDate:date} — відключити за ним раніше, {date:date}, не могли.',
    en: 'The order was formed for {orderDate:date} — the cut-off cannot have happened earlier, on {date:date}.',
  },
  'order.moratorium': {
    uk: 'Населений пункт о/р {account} на {date:date} під мораторієм на відключення. Відключення не записано.',
    en: 'The settlement of account {account} is under a disconnection moratorium on {date:date}. The cut-off was not recorded.',
  },
  'order.debtPaid': {
    uk: 'Борг по о/р {account} зараз {debt:money} — менше мінімального {min:money} (надійшла оплата). Відключати не можна.',
    en: 'The debt of account {account} is now {debt:money}, below the minimum {min:money} (a payment arrived). It cannot be cut off.',
  },
  'order.noteRequired': {
    uk: 'Для причини «Інше» напишіть, яка саме.',
    en: 'For the reason "Other" write what it is.',
  },
  'reconnection.notDisconnected': {
    uk: 'Точка обліку о/р {account} не відключена — підключати нічого.',
    en: 'The metering point of account {account} is not disconnected — there is nothing to reconnect.',
  },
  'reconnection.alreadyOpen': {
    uk: 'По о/р {account} вже є наряд на підключення від {formedOn:date} (строк до {deadlineOn:date}).',
    en: 'Account {account} already has a reconnection order of {formedOn:date} (due by {deadlineOn:date}).',
  },
  'reconnection.stillOwes': {
    uk: 'Борг по о/р {account} зараз {debt:money} — не менше мінімального {min:money}. Підключити після оплати можна, коли борг сплачено; інакше — рішенням оператора з поясненням.',
    en: "The debt of account {account} is now {debt:money}, not below the minimum {min:money}. Reconnection after payment needs the debt paid; otherwise by the operator's decision with a note.",
  },
  'reconnection.noteRequired': {
    uk: 'Для підключення рішенням оператора напишіть підставу.',
    en: "For a reconnection by the operator's decision write the grounds.",
  },
  'reconnection.formedInFuture': {
    uk: 'Дата {date:date} ще не настала.',
    en: 'The date {date:date} is in the future.',
  },
  'reconnection.formedBeforeCutoff': {
    uk: 'Точку о/р {account} відключено {disconnectedOn:date} — наряд на підключення не може бути раніше, {date:date}.',
    en: 'The point of account {account} was cut off on {disconnectedOn:date} — a reconnection order cannot be earlier, on {date:date}.',
  },
  'reconnection.doneInFuture': {
    uk: 'Дата підключення {date:date} ще не настала.',
    en: 'The reconnection date {date:date} is in the future.',
  },
  'reconnection.done': {
    uk: 'Підключення по о/р {account} вже записано.',
    en: 'The reconnection for account {account} is already recorded.',
  },
  'reconnection.doneBeforeFormed': {
    uk: 'Наряд на підключення сформовано {formedOn:date} — підключити за ним раніше, {date:date}, не могли.',
    en: 'The reconnection order was formed on {formedOn:date} — it cannot have been done earlier, on {date:date}.',
  },
  'setting.moneyOutOfRange': {
    uk: 'Сума має бути від {min} до {max}.',
    en: 'The amount must be from {min} to {max}.',
  },
  'profile.sharesCount': {
    uk: 'Профіль споживання має 12 часток — по одній на місяць, а надіслано {count}.',
    en: 'A consumption profile has 12 shares, one a month; {count} were sent.',
  },
  'profile.shareOutOfRange': {
    uk: 'Частка за {month}-й місяць має бути числом від 0 до {max}.',
    en: 'The share of month {month} must be a number from 0 to {max}.',
  },
  'profile.allZero': {
    uk: 'Усі частки нульові: хоча б один місяць має бути більшим за 0.',
    en: 'All the shares are zero: at least one month must be above 0.',
  },
  'route.numberTaken': {
    uk: 'Маршрут № {number} вже існує («{name}»).',
    en: 'Route No. {number} already exists ("{name}").',
  },
  'route.numberInvalid': {
    uk: 'Номер маршруту — ціле число від 1 до 99999.',
    en: 'A route number is a whole number from 1 to 99999.',
  },
  'route.executorNotActive': {
    uk: 'Службовець «{name}» не працює у філії — оберіть іншого виконавця.',
    en: 'Employee "{name}" no longer works in the branch — choose another executor.',
  },
  'route.notEmpty': {
    uk: 'Маршрут № {number} має {count} точок обліку. Спочатку зніміть їх з маршруту.',
    en: 'Route No. {number} has {count} metering points. Remove them from the route first.',
  },
  'route.moveNeedsConfirmation': {
    uk: '{count} точок обліку вже на інших маршрутах. Підтвердіть перенесення.',
    en: '{count} metering points are already on other routes. Confirm the move.',
  },
  'route.nothingSelected': {
    uk: 'Не вибрано жодної точки обліку.',
    en: 'No metering points selected.',
  },
  'route.pointNotOnRoute': {
    uk: 'Точка обліку о/р {account} не на маршруті № {number} — порядок обходу не змінено.',
    en: 'The metering point of account {account} is not on route No. {number} — the walk order was not changed.',
  },
  'route.streetNotOnRoute': {
    uk: 'На маршруті № {number} немає точок обліку на вулиці {street}.',
    en: 'Route No. {number} has no metering points on {street}.',
  },
  'section.nameTaken': { uk: 'Дільниця «{name}» вже є в довіднику.', en: 'Section "{name}" is already in the directory.' },
  'settlement.nameTaken': { uk: 'Населений пункт «{name}» вже є в довіднику.', en: 'Settlement "{name}" is already in the directory.' },
  'street.nameTaken': { uk: 'Вулиця «{name}» вже є в цьому населеному пункті.', en: 'Street "{name}" already exists in this settlement.' },
  'house.numberTaken': { uk: 'Будинок № {number} вже є на цій вулиці.', en: 'House No. {number} already exists on this street.' },
  'import.rejected': {
    uk: 'Нічого не записано: помилок у файлі — {count}.',
    en: 'Nothing written: {count} problems in the file.',
  },
  'db.upgradeFailed': {
    uk: 'Не вдалося оновити базу даних: міграція {version} «{name}» завершилася помилкою ({detail}). База лишилася без змін (схема {at}). Копія перед оновленням: {copy}.',
    en: 'The database could not be upgraded: migration {version} "{name}" failed ({detail}). The database is unchanged (schema {at}). Copy made before the upgrade: {copy}.',
  },
  'demo.notEmpty': {
    uk: 'Демонстраційний район завантажується лише в порожню базу, а в цій вже є особові рахунки ({accounts}).',
    en: 'The demo district goes into an empty database only; this one already holds accounts ({accounts}).',
  },
  'demo.missing': {
    uk: 'Демонстраційний район не знайдено поруч із програмою ({file}).',
    en: 'The demo district was not found beside the application ({file}).',
  },
  'house.numberInvalid': {
    uk: 'Номер будинку має вигляд 12, 12а, 12/1 або 12а/1.',
    en: 'A house number looks like 12, 12а, 12/1 or 12а/1.',
  },
  // The field service's listener (hosts/field): what a controller's phone is told when it is refused.
  'field.unauthorized': {
    uk: 'Телефон не підключено до робочого місця або сеанс скасовано — підключіть його знову кодом із екрана «Телефони контролерів».',
    en: 'This phone is not paired with the workstation or its session was revoked — pair it again with a code from the "Controllers’ phones" screen.',
  },
  'field.tooLarge': {
    uk: 'Надіслано забагато даних: щонайбільше {max} КБ за один запит. Нічого не записано.',
    en: 'Too much data sent: at most {max} KB per request. Nothing was written.',
  },
  'field.notImage': {
    uk: 'Це не фото: приймаються лише зображення JPEG, PNG або WebP. Нічого не записано.',
    en: 'This is not a photo: only JPEG, PNG or WebP images are accepted. Nothing was written.',
  },
  'field.badJson': {
    uk: 'Запит пошкоджено (не JSON). Нічого не записано — надішліть ще раз.',
    en: 'The request is damaged (not JSON). Nothing was written — send it again.',
  },
  'field.rateLimited': {
    uk: 'Забагато запитів із цього телефона — зачекайте {seconds} с і спробуйте знову.',
    en: 'Too many requests from this phone — wait {seconds} s and try again.',
  },
  'field.notFound': { uk: 'Такого запиту робоче місце не знає.', en: 'The workstation knows no such request.' },
  'field.unavailable': {
    uk: 'Робоче місце зараз не може прийняти дані (база даних закрита або відновлюється). Спробуйте пізніше — дані лишаються на телефоні.',
    en: 'The workstation cannot take data just now (its database is closed or being restored). Try later — the data stays on the phone.',
  },
  // Сервіс → Телефони контролерів (hosts/workstation/field.ts).
  'field.portInUse': {
    uk: 'Порт {port} уже зайнятий іншою програмою — виберіть інший (порт {port} для телефонів і наступний за ним для сертифіката).',
    en: 'Port {port} is already used by another program — choose another (port {port} for the phones and the next one for the certificate).',
  },
  'field.notRunning': {
    uk: 'Сервіс для телефонів вимкнено — спершу увімкніть його.',
    en: 'The phone service is off — turn it on first.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof messages;

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(messages, code);

/**
 * A placeholder written {name:date} shows an ISO date as the language writes it (24.11.2026 in
 * Ukrainian); {name:money} shows kopecks as money (1 234,56 грн).
 */
const withDates = (template: string, locale: Locale, params: Record<string, unknown> = {}): string =>
  template.replace(/\{(\w+):(date|money)\}/g, (whole, name: string, kind: string) => {
    const value = params[name];
    if (kind === 'money') return typeof value === 'number' ? formatMoney(value, locale) : whole;
    return typeof value === 'string' ? formatDate(value, locale) : whole;
  });

export const errorMessage = (code: ErrorCode, locale: Locale, params?: Record<string, unknown>): string =>
  format(withDates(messages[code][locale], locale, params), params);
