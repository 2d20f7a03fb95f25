import { defineEvent } from '../../events/index.js';
import { MemberResponseDto } from './dto/member.dto.js';

const memberEvent = (verb: string, summary: string) =>
  defineEvent({ type: `member.${verb}`, payload: MemberResponseDto, scope: 'members:read', summary });

export const MEMBER_ADDED = memberEvent('added', 'A person was added to the company, with a role.');
export const MEMBER_UPDATED = memberEvent('updated', "A person's role in the company was changed.");
export const MEMBER_REMOVED = memberEvent(
  'removed',
  'A person was removed from the company; `data` is the member as they were.',
);
