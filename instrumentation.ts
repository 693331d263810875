// Starts the job queue workers with the server (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startBackgroundWork } = await import('./jobs/start');
    await startBackgroundWork();
  }
}
