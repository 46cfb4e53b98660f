import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/current-user';
import { findWebDist } from './web-root';

/** Hashed build output: a file's name changes with its content, so it may be cached for good. */
const ASSET = /^\/app\/assets\/[\w.-]+$/;

/**
 * The web app (apps/web) on the API's own origin: its pages live under /app, so they can never
 * collide with an API path. Every page address answers index.html and the app routes in the browser.
 */
@ApiExcludeController()
@Public()
@Controller()
export class WebController {
  private readonly dist = findWebDist();

  @Get()
  root(@Res() res: Response) {
    res.redirect(302, '/app/');
  }

  @Get(['app', 'app/*path'])
  page(@Req() req: Request, @Res() res: Response) {
    if (!this.dist) {
      res.status(503).type('text/plain; charset=utf-8').send('网页尚未构建：请运行 npm run build:web（npm start 会自动构建）。');
      return;
    }
    if (req.path === '/app') return res.redirect(302, '/app/');
    if (req.path.startsWith('/app/assets/')) {
      if (!ASSET.test(req.path)) return res.status(404).type('text/plain; charset=utf-8').send('文件不存在');
      let file = req.path.slice('/app/'.length);
      res.setHeader('Vary', 'Accept-Encoding');
      // The build writes a gzipped copy of every script and stylesheet (apps/web/vite.config.mts).
      if (/\.(js|css)$/.test(file) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && existsSync(join(this.dist, `${file}.gz`))) {
        res.type(extname(file));
        res.setHeader('Content-Encoding', 'gzip');
        file = `${file}.gz`;
      }
      res.sendFile(file, {
        root: this.dist,
        immutable: true,
        maxAge: '365d',
      }, (err) => {
        if (err && !res.headersSent) res.status(404).type('text/plain; charset=utf-8').send('文件不存在');
      });
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile('index.html', { root: this.dist });
  }
}
