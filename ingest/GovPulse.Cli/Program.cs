using GovPulse.Cli;

return await GovPulseCli.RunAsync(args, CliConsoles.System());
