import { describe, expect, it } from '@jest/globals';

import { fieldErrorsOf } from './apiErrors';

describe('fieldErrorsOf', () => {
  it('maps each field the API refused to its reason, as react-admin shows them under the inputs', () => {
    const body = {
      statusCode: 409,
      message: '警号已被占用',
      errors: [{ field: 'badgeNo', reason: '警号 010001 已被占用' }],
    };

    expect(fieldErrorsOf(body)).toEqual({ badgeNo: '警号 010001 已被占用' });
  });

  it('keeps one message per field when the API refuses several fields', () => {
    const body = {
      statusCode: 400,
      message: 'Bad Request',
      errors: [
        { field: 'badgeNo', reason: 'Badge number must be 6 digits' },
        { field: 'mobile', reason: 'Mobile number must be 11 digits' },
      ],
    };

    expect(fieldErrorsOf(body)).toEqual({
      badgeNo: 'Badge number must be 6 digits',
      mobile: 'Mobile number must be 11 digits',
    });
  });

  it('finds no field errors in a refusal that names no field, so its message is notified instead', () => {
    expect(fieldErrorsOf({ statusCode: 403, message: 'Forbidden' })).toBeNull();
    expect(fieldErrorsOf({ statusCode: 400, message: 'Bad Request', errors: [] })).toBeNull();
    expect(fieldErrorsOf({ statusCode: 400, message: ['name must be a string'] })).toBeNull();
    expect(fieldErrorsOf('Bad Gateway')).toBeNull();
    expect(fieldErrorsOf(undefined)).toBeNull();
  });
});
