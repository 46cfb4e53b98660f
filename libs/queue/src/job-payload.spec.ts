import { parseOcrJobData } from './ocr-jobs';
import { parseDeliverJobData } from './reminder-jobs';

describe('job payloads', () => {
  const id = '8c7b6a59-4d3e-4f21-9a0b-1c2d3e4f5a6b';
  it('keeps only the id a job carries', () => {
    expect(parseOcrJobData({ importId: id, extra: 1 })).toEqual({ importId: id });
    expect(parseDeliverJobData({ reminderId: id })).toEqual({ reminderId: id });
  });
  it.each([null, {}, { importId: 'x' }, { reminderId: id }])('refuses %j as an OCR job', (data) => {
    expect(() => parseOcrJobData(data)).toThrow('invalid OCR job payload');
  });
  it('refuses a delivery job without a reminder id', () => {
    expect(() => parseDeliverJobData({ importId: id })).toThrow('invalid delivery job payload');
  });
});
