using System.Collections.Immutable;
using System.Text.Json;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Evaluation;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Resolution;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Validation;

/// <summary>
/// Reports every problem of a process document at once: structure per graph level (ProcessGraphInvalid),
/// unknown processes (ProcessUnsupported), unknown/missing parameters (ProcessParameterUnsupported/Required) and
/// literal values that do not match the parameter schema (ProcessParameterInvalid). <c>from_parameter</c> references
/// are never errors here (their values only exist at run time); <c>from_node</c> values are checked at run time.
/// </summary>
public sealed class ProcessGraphValidator(ProcessResolver resolver, ComplexityLimits? limits = null)
{
    private readonly ComplexityLimits _limits = limits ?? ComplexityLimits.Default;

    /// <summary>Validates a request body; parse failures become the single error.</summary>
    public async Task<IReadOnlyList<ValidationError>> ValidateAsync(JsonElement body, string? userId, CancellationToken cancellationToken)
    {
        ProcessDocument document;
        try
        {
            document = new ProcessGraphReader(_limits).ReadDocument(body);
        }
        catch (OpenEoException e)
        {
            return [ValidationError.From(e)];
        }

        return await ValidateAsync(document, userId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ValidationError>> ValidateAsync(ProcessDocument document, string? userId, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        await ValidateGraphAsync(document.Graph, "the process graph", [], userId, errors, cancellationToken).ConfigureAwait(false);
        return errors;
    }

    private async Task ValidateGraphAsync(ProcessGraph graph, string where, ImmutableArray<NodePathSegment> outer, string? userId,
        List<ValidationError> errors, CancellationToken cancellationToken)
    {
        foreach (var problem in GraphStructure.Problems(graph, where))
        {
            errors.Add(new ValidationError("ProcessGraphInvalid", OpenEoErrors.ProcessGraphInvalid(problem).Message, outer));
        }

        foreach (var node in graph.Nodes)
        {
            var segment = new NodePathSegment(node.Id, node.ProcessId, node.Namespace);
            var path = outer.Insert(0, segment);
            Process? process = null;
            try
            {
                process = await resolver.ResolveAsync(node.ProcessId, node.Namespace, userId, cancellationToken).ConfigureAwait(false);
            }
            catch (OpenEoException e)
            {
                errors.Add(new ValidationError(e.Code, e.Message, path));
            }

            foreach (var (name, argument) in node.Arguments)
            {
                var argumentPath = outer.Insert(0, segment with { Parameter = name });
                var parameter = process?.Definition.FindParameter(name);
                if (process is not null && parameter is null)
                {
                    errors.Add(new ValidationError("ProcessParameterUnsupported", OpenEoErrors.ProcessParameterUnsupported(process.Id, name).Message, argumentPath));
                }
                else if (process is not null && parameter is not null && SchemaProblem(parameter, argument) is { } reason)
                {
                    errors.Add(new ValidationError("ProcessParameterInvalid", OpenEoErrors.ProcessParameterInvalid(process.Id, name, reason).Message, argumentPath));
                }

                await ValidateChildrenAsync(argument, $"the child process graph of '{node.Id}'.{name}", argumentPath, userId, errors, cancellationToken).ConfigureAwait(false);
            }

            if (process is not null)
            {
                foreach (var parameter in process.Definition.Parameters)
                {
                    if (!parameter.Optional && node.FindArgument(parameter.Name) is null)
                    {
                        errors.Add(new ValidationError("ProcessParameterRequired", OpenEoErrors.ProcessParameterRequired(process.Id, parameter.Name).Message,
                            outer.Insert(0, segment with { Parameter = parameter.Name })));
                    }
                }
            }
        }
    }

    private async Task ValidateChildrenAsync(Argument argument, string where, ImmutableArray<NodePathSegment> path, string? userId,
        List<ValidationError> errors, CancellationToken cancellationToken)
    {
        switch (argument)
        {
            case ProcessGraphArgument child:
                await ValidateGraphAsync(child.Process.Graph, where, path, userId, errors, cancellationToken).ConfigureAwait(false);
                break;
            case ArrayArgument array:
                foreach (var item in array.Items)
                {
                    await ValidateChildrenAsync(item, where, path, userId, errors, cancellationToken).ConfigureAwait(false);
                }

                break;
            case ObjectArgument obj:
                foreach (var property in obj.Properties)
                {
                    await ValidateChildrenAsync(property.Value, where, path, userId, errors, cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    /// <summary>
    /// Literals are checked in full; a child graph must be allowed by a <c>process-graph</c> subtype; containers with
    /// references inside and references themselves are only known at run time.
    /// </summary>
    private static string? SchemaProblem(ProcessParameterDefinition parameter, Argument argument) => argument switch
    {
        LiteralArgument literal => SchemaMatcher.Mismatch(parameter.Schema, literal.Value),
        ProcessGraphArgument => SchemaMatcher.Mismatch(parameter.Schema, PlaceholderCallback.Value),
        ArrayArgument => SchemaMatcher.Mismatch(parameter.Schema, ArrayValue.Empty) is null ? null : $"expected {SchemaMatcher.Describe(parameter.Schema)}, got an array",
        _ => null,
    };

    /// <summary>A callback value used only to ask "does this schema accept a child process graph?".</summary>
    private sealed class PlaceholderCallback : ProcessCallback
    {
        public static readonly CallbackValue Value = new(new PlaceholderCallback());

        public override IReadOnlySet<string> ReferencedParameters => new HashSet<string>();

        public override ValueTask<Values.Value> InvokeAsync(IReadOnlyDictionary<string, Values.Value> parameters, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Validation never runs callbacks.");
    }
}
