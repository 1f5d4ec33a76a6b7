import { StderrConsoleLogger } from '@app/observability';
import { Logger } from '@nestjs/common';

// Imported by main.ts before any module is declared: a line logged while modules load (nestjs-i18n logs
// one as its module is declared) would otherwise go through Nest's default logger to stdout, which
// carries nothing but the MCP protocol.
Logger.overrideLogger(new StderrConsoleLogger());
