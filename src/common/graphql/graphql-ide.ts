import { createRequire } from 'node:module';
import path from 'node:path';
import type { Express, NextFunction, Request, Response } from 'express';

const require = createRequire(import.meta.url);
// The UMD builds are not in the packages' `exports`, so we locate the package folders instead.
const packageFile = (pkg: string, file: string): string =>
  path.join(path.dirname(require.resolve(pkg)), file);

// GraphiQL and React ship browser builds inside their npm packages: the IDE works offline,
// from our own origin, under the default Content-Security-Policy (no inline script, no CDN).
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': {
    file: packageFile('react-dom', 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.js': { file: packageFile('graphiql', '../graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: packageFile('graphiql', '../graphiql.min.css'), type: 'text/css' },
};

const START_SCRIPT = `
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
const fetcher = GraphiQL.createFetcher({ url: new URL('../graphql', window.location.href).toString() });
root.render(React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }));
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Hovedbok GraphQL IDE</title>
  <link rel="stylesheet" href="graphiql/graphiql.css">
  <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading the GraphQL IDE...</div>
  <script src="graphiql/react.js"></script>
  <script src="graphiql/react-dom.js"></script>
  <script src="graphiql/graphiql.js"></script>
  <script src="graphiql/start.js"></script>
</body>
</html>`;

/** Serves GraphiQL at `/graphiql`, and sends browsers that open `/graphql` there. */
export function mountGraphqlIde(app: Express): void {
  app.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    const isBrowser = req.accepts(['application/json', 'text/html']) === 'text/html';
    if (isBrowser && req.query.query === undefined) return res.redirect(302, '/graphiql');
    return next();
  });
  app.get('/graphiql', (_req: Request, res: Response) => {
    res.type('html').send(PAGE);
  });
  app.get('/graphiql/start.js', (_req: Request, res: Response) => {
    res.type('text/javascript').send(START_SCRIPT);
  });
  app.get('/graphiql/:asset', (req: Request, res: Response, next: NextFunction) => {
    const asset = ASSETS[String(req.params.asset)];
    if (!asset) return next();
    res.type(asset.type).setHeader('Cache-Control', 'public, max-age=86400');
    return res.sendFile(asset.file);
  });
}
