// GET /api/jobs/:ns/:id/logs as Server-Sent Events, like the Hub: the synthetic "Job started" line
// first (even while SCHEDULING), then every captured line as `data: {"data","timestamp"}`, keep-alive
// comments in between, and the end of the stream once the Job is terminal and its output is drained.
// Every connection replays from the first line.
import { baseHeaders } from './http-utils.mjs';

/**
 * Streams a Job's log to one client until the Job is over (or a fault cuts the connection).
 * @param {import('node:http').ServerResponse} res
 * @param {import('./job.mjs').Job} job
 * @param {{ keepAliveIntervalMs: number, tail?: number, dropAfterEvents?: number }} options
 */
export function streamJobLogs(res, job, { keepAliveIntervalMs, tail, dropAfterEvents }) {
  res.writeHead(200, {
    ...baseHeaders(),
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  res.flushHeaders();

  let sentEvents = 0;
  let open = true;
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveIntervalMs);

  const stop = () => {
    if (!open) return false;
    open = false;
    clearInterval(keepAlive);
    job.off('log', send);
    job.off('logs-closed', endIfFinished);
    job.off('stage', endIfFinished);
    return true;
  };
  function send(entry) {
    if (!open) return;
    const event = `data: ${JSON.stringify(entry)}\n\n`;
    sentEvents += 1;
    if (dropAfterEvents !== undefined && sentEvents >= dropAfterEvents) {
      // A dropped connection: the event still arrives, then the socket goes away without the
      // terminating chunk, so clients see a truncated stream rather than a clean end.
      stop();
      res.write(event, () => res.destroy());
      return;
    }
    res.write(event);
  }
  function endIfFinished() {
    if (job.isTerminal && job.logsClosed && stop()) res.end();
  }

  res.on('close', stop);
  send(job.startedLine);
  for (const entry of tail === undefined ? job.logs : job.logs.slice(Math.max(0, job.logs.length - tail))) send(entry);
  if (!open) return;
  job.on('log', send);
  job.on('logs-closed', endIfFinished);
  job.on('stage', endIfFinished);
  endIfFinished();
}
