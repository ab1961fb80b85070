import { describe, expect, it } from 'vitest';
import { amzDate, EMPTY_SHA256, signRequest, uriEncode } from '../../../../src/recovery/remote/sigV4';

// The "GET Object" example of the Amazon S3 documentation (Signature Version 4, Authorization header).
const example = {
  creds: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' },
  request: {
    method: 'GET',
    path: '/test.txt',
    query: {},
    headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': '20130524T000000Z' },
  },
};

describe('SigV4 signer', () => {
  it('reproduces the signature of the published GET Object example', () => {
    const { signature, authorization } = signRequest(example.request, example.creds);
    expect(signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('changes with the secret, the path and the query', () => {
    const base = signRequest(example.request, example.creds).signature;
    expect(signRequest(example.request, { ...example.creds, secretAccessKey: 'other' }).signature).not.toBe(base);
    expect(signRequest({ ...example.request, path: '/test2.txt' }, example.creds).signature).not.toBe(base);
    expect(signRequest({ ...example.request, query: { 'list-type': '2' } }, example.creds).signature).not.toBe(base);
  });

  it('encodes as RFC 3986 and formats x-amz-date', () => {
    expect(uriEncode("a b/c!*'()~")).toBe('a%20b%2Fc%21%2A%27%28%29~');
    expect(uriEncode('a b/c', true)).toBe('a%20b/c');
    expect(amzDate(new Date(Date.UTC(2013, 4, 24, 0, 0, 0, 123)))).toBe('20130524T000000Z');
  });
});
