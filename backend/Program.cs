using OpenEoBridge.Backend.Hosting;

if (args is [HashPasswordCommand.Name, ..])
{
    return HashPasswordCommand.Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddOpenEoBackend();

var app = builder.Build();
app.UseOpenEoBackend();
app.Run();
return 0;

/// <summary>Entry point; public so that tests can host the application with WebApplicationFactory.</summary>
public partial class Program;
