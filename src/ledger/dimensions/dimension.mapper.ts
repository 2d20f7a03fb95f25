import type { DimensionResponseDto, DimensionValueResponseDto } from './dto/dimension.dto.js';
import type { DimensionValue } from './dimension-value.entity.js';
import type { Dimension } from './dimension.entity.js';

export function toDimensionResponse(dimension: Dimension): DimensionResponseDto {
  return {
    id: dimension.id,
    kind: dimension.kind,
    name: dimension.name,
    isActive: dimension.isActive,
    version: dimension.version,
    createdAt: dimension.createdAt.toISOString(),
    updatedAt: dimension.updatedAt.toISOString(),
  };
}

export function toDimensionValueResponse(value: DimensionValue): DimensionValueResponseDto {
  return {
    id: value.id,
    dimensionId: value.dimensionId,
    code: value.code,
    name: value.name,
    isActive: value.isActive,
    version: value.version,
    createdAt: value.createdAt.toISOString(),
    updatedAt: value.updatedAt.toISOString(),
  };
}
