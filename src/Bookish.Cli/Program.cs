using Bookish.Cli;

return await BookishCommand.RunAsync(args);
