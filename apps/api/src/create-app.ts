import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { AppModule } from './app.module';
import { FieldError, Problem, PROBLEM_CONTENT_TYPE } from './common/problem/problem';
import { rejectNulCharacters } from './common/problem/nul-guard';
import { ProblemFilter } from './common/problem/problem.filter';
import { createValidationPipe } from './common/problem/validation';
import { AppConfig } from './config/app-config';

export const API_PREFIX = 'api';
/** Largest uploaded file (imports, attachments); over it → 413. */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;
export const NDJSON_LIMIT_BYTES = 50 * 1024 * 1024;
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,128}$/;

/** Reuses a sane incoming X-Request-Id so a portal can correlate its logs with ours. */
function requestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Một Cửa API')
    .setDescription(
      'REST API of Một Cửa: administrative-procedure dossiers under the one-stop and inter-agency one-stop mechanisms. ' +
        'Errors are application/problem+json. Staff authenticate with a bearer token; portals with X-Api-Key.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'apiKey')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
    extraModels: [Problem, FieldError],
  });
  // Every operation can fail with the one error shape; say so once here rather than on every handler.
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem) as Array<{ responses?: Record<string, unknown> }>) {
      if (!operation?.responses) continue;
      operation.responses['default'] ??= {
        description: 'Error (RFC 9457 problem details)',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(Problem) } } },
      };
    }
  }
  return document;
}

/** Builds the whole HTTP application; main.ts, the tests and the contract writer share it. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: { preview?: boolean } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: requestId,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    bufferLogs: true,
    preview: options.preview,
    abortOnError: false,
  });
  if (!options.preview) app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());

  const adminDir = existsSync(config.adminDir) ? config.adminDir : undefined;
  app.useGlobalFilters(new ProblemFilter(adminDir));
  const fastify = app.getHttpAdapter().getInstance();
  // Legacy exports arrive as NDJSON, one dossier per line: read as text, larger than JSON bodies.
  fastify.addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: NDJSON_LIMIT_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('preHandler', rejectNulCharacters);

  await app.register(fastifyHelmet, {
    // The admin is a same-origin SPA; Swagger UI needs inline styles and scripts.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: true });
  if (adminDir) {
    await app.register(fastifyStatic, { root: adminDir, prefix: '/', wildcard: false, index: ['index.html'] });
  }

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json`,
    customSiteTitle: 'Một Cửa API',
  });
  return app;
}
