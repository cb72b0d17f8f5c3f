/**
 * Word lists the contact-center model draws from: agent names (a mix of English and Chinese),
 * group areas, skill-queue names and caller numbers. Pure data plus tiny helpers.
 */
import type { SeededRandom } from './seeded-random';

const ENGLISH_GIVEN = [
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'James',
  'Sophia',
  'Lucas',
  'Mia',
  'Ethan',
  'Grace',
  'Daniel',
  'Chloe',
  'Henry',
  'Zoe',
  'Samuel',
  'Ella',
  'Jack',
  'Lily',
  'Owen',
] as const;
const ENGLISH_FAMILY = [
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Wilson',
  'Davies',
  'Evans',
  'Thomas',
  'Walker',
  'Wright',
  'Roberts',
  'Clarke',
  'Hughes',
  'Green',
  'Hall',
  'Wood',
  'Turner',
  'Baker',
  'Lee',
  'Young',
] as const;
const CHINESE_FAMILY = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '高',
  '罗',
] as const;
const CHINESE_GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '慧',
  '建国',
  '晓东',
  '海燕',
  '志强',
  '雪梅',
  '子涵',
  '欣怡',
  '浩然',
  '梓轩',
  '雨桐',
] as const;

const GROUP_AREAS = [
  'Billing',
  'Sales',
  'Support',
  'Retention',
  'VIP Desk',
  'Night Shift',
  '售后服务',
  '投诉处理',
  '宽带业务',
  '国际漫游',
] as const;

/** Skill-queue names; the center uses the first 5–12 in a seeded order. */
export const SKILL_NAMES = [
  'General Inquiry',
  'Billing',
  'Technical Support',
  'VIP Hotline',
  'Sales',
  'Broadband',
  '投诉处理',
  '英语服务',
  '国际漫游',
  'Retention',
  'Callback',
  '售后服务',
] as const;

/** A person's display name: about half English ("Emma Wilson"), half Chinese ("王晓东"). */
export function pickAgentName(random: SeededRandom): string {
  if (random.chance(0.5)) return `${random.pick(ENGLISH_GIVEN)} ${random.pick(ENGLISH_FAMILY)}`;
  return `${random.pick(CHINESE_FAMILY)}${random.pick(CHINESE_GIVEN)}`;
}

/** Group name for the n-th group (1-based), e.g. "Billing 3" or "售后服务 2". */
export function buildGroupName(random: SeededRandom, ordinal: number): string {
  return `${random.pick(GROUP_AREAS)} ${ordinal}`;
}

/** A caller number: mostly Chinese mobiles, some landlines, a few international numbers. */
export function pickCallerNumber(random: SeededRandom): string {
  const roll = random.next();
  if (roll < 0.7)
    return `1${random.pick(['38', '39', '58', '86', '35', '77'])}${random.nextDigits(8)}`;
  if (roll < 0.92)
    return `0${random.pick(['10', '21', '755', '20', '571'])}${random.nextDigits(8)}`;
  return `+${random.pick(['44', '1', '49', '65', '852'])}${random.nextDigits(9)}`;
}

/** Shuffle a copy of a list (Fisher–Yates) with the seeded generator. */
export function shuffleSeeded<T>(random: SeededRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.nextInt(0, i);
    const swap = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = swap;
  }
  return copy;
}
