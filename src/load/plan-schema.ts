/**
 * The plan JSON Schema for the embedded country (its region codes become the editor's enums). Used
 * by `npm run schema` to write schema/plan.schema.json, which `dostplan schema` prints as committed.
 */
import { schemaText as schemaFor } from '../model/plan-json-schema.js';
import { embedded } from './dataset-loader.js';

export const schemaText = (): string => schemaFor(embedded().regions);
