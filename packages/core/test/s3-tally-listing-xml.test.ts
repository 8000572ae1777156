import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tallyListingXml } from '../src/s3/tally-listing-xml.js';

const page = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${body}</ListBucketResult>`;
const contents = (key: string, size: number) =>
  `<Contents><Key>${key}</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified><ETag>&quot;abc&quot;</ETag><Size>${size}</Size><StorageClass>STANDARD</StorageClass></Contents>`;

describe('tallyListingXml', () => {
  it('sums sizes, leaves folder markers out, and decodes sub-folders', () => {
    const xml = page(
      '<Name>bucket</Name><Prefix>data%2F</Prefix><KeyCount>5</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>' +
        contents('data/', 0) +
        contents('data/a+b.csv', 10) +
        contents('data/%2B%5Bx%5D%2A%3F.txt', 5) +
        '<CommonPrefixes><Prefix>data/%C3%BCn%C3%AF+x/</Prefix></CommonPrefixes>' +
        '<CommonPrefixes>\n  <Prefix>data/it%27s%26/</Prefix>\n</CommonPrefixes>',
    );
    assert.deepEqual(tallyListingXml(xml), { files: 2, bytes: 15, prefixes: ['data/ünï x/', "data/it's&/"] });
  });

  it('keeps the continuation token of a truncated page, XML-unescaped', () => {
    const xml = page(`<IsTruncated>true</IsTruncated>${contents('a', 1)}<NextContinuationToken>1x&amp;y+/z=</NextContinuationToken>`);
    assert.deepEqual(tallyListingXml(xml), { files: 1, bytes: 1, prefixes: [], continuationToken: '1x&y+/z=' });
  });

  it('ignores a token on a page that is not truncated, and reads entities in keys', () => {
    const xml = page(`<IsTruncated>false</IsTruncated>${contents('a&#x2F;', 3)}${contents('&#98;', 4)}<NextContinuationToken>t</NextContinuationToken>`);
    assert.deepEqual(tallyListingXml(xml), { files: 1, bytes: 4, prefixes: [] });
  });

  it('is undefined for anything but a listing result', () => {
    assert.equal(tallyListingXml('<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>'), undefined);
    assert.equal(tallyListingXml(''), undefined);
  });
});
