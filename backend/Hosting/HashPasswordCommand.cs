using System.Text;
using OpenEoBridge.Backend.Auth.Basic;

namespace OpenEoBridge.Backend.Hosting;

/// <summary>
/// <c>dotnet run --project backend --no-launch-profile -- hash-password</c>: prints a hash for <c>OpenEo:Users:NAME</c>. The password
/// is read from standard input (piped, or typed without echo), never from the command line, where it would
/// land in shell history.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";

    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        string? password;
        if (interactive)
        {
            error.Write("Password: ");
            password = ReadHidden();
            error.Write("Repeat password: ");
            if (ReadHidden() != password)
            {
                error.WriteLine("The passwords differ.");
                return 1;
            }
        }
        else
        {
            password = input.ReadLine();
        }

        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("No password given. Usage: echo 'secret' | dotnet run --project backend --no-launch-profile -- hash-password");
            return 1;
        }

        output.WriteLine(new PasswordHashing().Hash(password));
        return 0;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
