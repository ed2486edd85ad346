// Client of the EIA classification API: the public engine behind the wizard and the catalogue it reads.
import { http } from '../../api/http.ts';
import type { BodyOf, ResponseOf } from '../../api/types.ts';

export type ClassifyBody = BodyOf<'/api/eia/classify', 'post'>;
export type ClassifyAnswer = ResponseOf<'/api/eia/classify', 'post'>;
export type FactQuestion = ClassifyAnswer['questions'][number];
export type Facts = NonNullable<ClassifyBody['facts']>;

export const classifyProject = (body: ClassifyBody) => http.post<ClassifyAnswer>('/api/eia/classify', body);
