// The demo collections as the official openEO JavaScript client sees them.
// Usage: node collections-e2e.mjs <server-url>
// Prints one JSON object; the .NET test asserts on it.
import openeoClient from '@openeo/js-client';

const { OpenEO } = openeoClient;
const [url] = process.argv.slice(2);

try {
  const connection = await OpenEO.connect(url);
  const listed = await connection.listCollections();
  const described = {};
  for (const { id } of listed.collections) {
    const collection = await connection.describeCollection(id);
    described[id] = {
      title: collection.title,
      bbox: collection.extent.spatial.bbox[0],
      interval: collection.extent.temporal.interval[0],
      dimensions: Object.fromEntries(Object.entries(collection['cube:dimensions']).map(([name, d]) => [name, d.type])),
      step: collection['cube:dimensions'].t?.step ?? null,
      bands: collection['cube:dimensions'].bands?.values ?? [],
    };
  }
  console.log(JSON.stringify({ ids: listed.collections.map((c) => c.id), described }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.message ?? error), code: error?.code ?? null }));
  process.exitCode = 1;
}
