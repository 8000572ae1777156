import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketUrl } from '../src/s3/bucket-url.js';

describe('bucketUrl', () => {
  it('uses path style on custom endpoints, keeping a base path', () => {
    assert.equal(bucketUrl({ bucket: 'b1', region: 'us-east-1', endpoint: 'http://127.0.0.1:7480' }), 'http://127.0.0.1:7480/b1');
    assert.equal(bucketUrl({ bucket: 'b1', region: 'auto', endpoint: 'https://s3.example.com/store/' }), 'https://s3.example.com/store/b1');
  });

  it('uses virtual-hosted style when path style is switched off', () => {
    assert.equal(
      bucketUrl({ bucket: 'b1', region: 'auto', endpoint: 'https://s3.example.com', forcePathStyle: false }),
      'https://b1.s3.example.com/',
    );
  });

  it('addresses AWS buckets in their region, in the path when the name has dots', () => {
    assert.equal(bucketUrl({ bucket: 'photos', region: 'eu-west-3' }), 'https://photos.s3.eu-west-3.amazonaws.com/');
    assert.equal(bucketUrl({ bucket: 'my.photos', region: 'eu-west-3' }), 'https://s3.eu-west-3.amazonaws.com/my.photos');
  });
});
