// End-to-end check of the back-end with the official openEO JavaScript client.
// Usage: node foundation-e2e.mjs <server-url> <user> <password>
// Prints one JSON object describing what the client saw; the .NET test asserts on it.
import openeoClient from '@openeo/js-client';

const { OpenEO } = openeoClient;
const [url, user, password] = process.argv.slice(2);

try {
  const connection = await OpenEO.connect(url);
  const capabilities = connection.capabilities();
  const result = {
    apiVersion: capabilities.apiVersion(),
    backendVersion: capabilities.backendVersion(),
    title: capabilities.title(),
    baseUrl: connection.getBaseUrl(),
    hasDescribeAccount: capabilities.hasFeature('describeAccount'),
    hasBasicAuth: capabilities.hasFeature('authenticateBasic'),
    authProviders: (await connection.listAuthProviders()).map((p) => p.getType()),
  };
  await connection.authenticateBasic(user, password);
  result.authenticated = connection.isAuthenticated();
  const account = await connection.describeAccount();
  result.userId = account.user_id;
  result.name = account.name ?? null;
  console.log(JSON.stringify(result));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.message ?? error), code: error?.code ?? null }));
  process.exitCode = 1;
}
