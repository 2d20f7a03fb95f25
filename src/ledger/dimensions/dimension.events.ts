import { defineEvent } from '../../events/index.js';
import { DimensionResponseDto, DimensionValueResponseDto } from './dto/dimension.dto.js';

const dimensionEvent = (verb: string, summary: string) =>
  defineEvent({
    type: `dimension.${verb}`,
    payload: DimensionResponseDto,
    scope: 'dimensions:read',
    summary,
  });

const valueEvent = (verb: string, summary: string) =>
  defineEvent({
    type: `dimension_value.${verb}`,
    payload: DimensionValueResponseDto,
    scope: 'dimensions:read',
    summary,
  });

export const DIMENSION_CREATED = dimensionEvent('created', 'A free dimension (e.g. region) was added.');
export const DIMENSION_UPDATED = dimensionEvent(
  'updated',
  'A dimension was renamed, deactivated or reactivated.',
);
export const DIMENSION_VALUE_CREATED = valueEvent(
  'created',
  'A value (a department, a project, ...) was added to a dimension.',
);
export const DIMENSION_VALUE_UPDATED = valueEvent(
  'updated',
  'A dimension value was renamed, deactivated or reactivated.',
);
