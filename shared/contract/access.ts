import type { Role } from './auth';
import type { ChannelName } from './index';

export type Access = 'public' | Role;

/**
 * The least role each channel needs; a higher role may do what a lower one may. Operators enter
 * readings and look things up, masters run routes, tasks and printing, administrators keep the
 * directories, users and backups. Enforced in the main process on every request.
 */
export const access: Record<ChannelName, Access> = {
  'auth.status': 'public',
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.logout': 'public',
  'auth.unlock': 'public',
  'users.list': 'admin',
  'users.save': 'admin',
  'audit.list': 'admin',
  'settings.list': 'admin',
  'settings.save': 'admin',
  // Operators see where disconnection is barred; only an administrator declares or lifts a moratorium.
  'moratoria.list': 'operator',
  'moratoria.save': 'admin',
  'moratoria.delete': 'admin',
  // The monthly profile weighs every point's expected consumption: anyone may see it, an administrator keeps it.
  'profile.list': 'operator',
  'profile.save': 'admin',
  // Anyone may look a warning up; handing one out or calling it off is a master's decision.
  'warnings.list': 'operator',
  'warnings.issue': 'master',
  'warnings.cancel': 'master',
  // Orders send a crew to cut a supply off or put it back: a master forms them and records the acts.
  // Anyone may see what waits in Контроль показників; deciding on a reading is a master's.
  // Results from controllers' phones are taken in at entry, as typed ones are; their photos are anyone's to see.
  'phone.acceptPlausible': 'operator',
  'photos.ofPoint': 'operator',
  'photos.image': 'operator',
  'checks.list': 'operator',
  'checks.decide': 'master',
  'orders.form': 'master',
  'orders.list': 'operator',
  'orders.get': 'operator',
  'orders.recordDone': 'master',
  'orders.recordNotDone': 'master',
  'reconnections.form': 'master',
  'reconnections.record': 'master',
  'reconnections.list': 'operator',
  // The registers are a master's reports: printed, filed and sent on.
  'registers.table': 'master',
  'registers.page': 'master',
  'registers.file': 'master',
  'reports.readingsByDay': 'master',
  'print.registerPdf': 'master',
  'print.register': 'master',
  'print.orderPdf': 'master',
  'print.order': 'master',
  // Notices are looked at like the route sheet (by anyone) and printed like it (by a master).
  'warnings.notices': 'operator',
  'meta.info': 'operator',
  'sections.list': 'operator',
  'sections.save': 'admin',
  'employees.list': 'operator',
  'employees.save': 'admin',
  'settlements.list': 'operator',
  'settlements.save': 'admin',
  'streets.list': 'operator',
  'streets.save': 'admin',
  'houses.list': 'operator',
  'houses.save': 'admin',
  'routes.list': 'operator',
  'routes.get': 'operator',
  'routes.save': 'master',
  'routes.delete': 'master',
  'routes.points': 'operator',
  'routes.assignPreview': 'master',
  'routes.assign': 'master',
  'routes.removePoints': 'master',
  'routes.sequence': 'operator',
  'routes.resequence': 'master',
  'accounts.search': 'operator',
  'accounts.card': 'operator',
  'points.search': 'operator',
  'points.setMark': 'master',
  'tasks.form': 'master',
  'tasks.routesToForm': 'master',
  'tasks.list': 'operator',
  'tasks.get': 'operator',
  'tasks.delete': 'master',
  // Handing a sheet to another controller is the master's, as forming it is.
  'tasks.reassign': 'master',
  // Денний план: the master proposes, moves, locks and forms every controller's day.
  'plans.propose': 'master',
  'plans.move': 'master',
  'plans.lock': 'master',
  'plans.form': 'master',
  'tasks.sheet': 'operator',
  'tasks.sheets': 'operator',
  'reasons.list': 'operator',
  'entry.open': 'operator',
  'entry.position': 'operator',
  'entry.save': 'operator',
  'entry.history': 'operator',
  // The chart an operator checks a doubtful reading against, beside the correction queue and on the card.
  'validation.pointConsumption': 'operator',
  'problems.list': 'operator',
  'print.sheetPdf': 'master',
  'print.sheet': 'master',
  'print.sheetsPdf': 'master',
  'print.sheets': 'master',
  'print.noticesPdf': 'master',
  'print.notices': 'master',
  'import.preview': 'admin',
  'import.run': 'admin',
  'export.readingsFile': 'master',
  'backups.status': 'admin',
  'backups.inspect': 'admin',
  'backups.create': 'admin',
  'backups.restore': 'admin',
  'demo.load': 'admin',
  // The field service opens a listener on the branch's LAN and lets phones in: an administrator's decision.
  'field.status': 'admin',
  'field.start': 'admin',
  'field.stop': 'admin',
  'field.pairing': 'admin',
  'field.sessions': 'admin',
  'field.revoke': 'admin',
  // Open before sign-in too: a sign-in screen that fails must still reach the log.
  'log.rendererError': 'public',
};

// A controller's user holds no workstation channel at all: they sign in on the phone (field service).
const rank: Record<Role, number> = { controller: 0, operator: 1, master: 2, admin: 3 };
export const allows = (role: Role, needed: Access) => needed === 'public' || rank[role] >= rank[needed];
