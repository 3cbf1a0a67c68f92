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
/// literal values that do not match the parameter schema including openEO's <c>subtype</c> (ProcessParameterInvalid),
/// and callbacks that do not fit the <c>process-graph</c> schema's <c>parameters</c>/<c>returns</c>. A top-level
/// <c>from_parameter</c> is never an error here (its value may be supplied at run time); <c>from_node</c> values and
/// cubes (the <c>dimensions</c> keyword) are checked at run time when they are bound.
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

        // The root provides its declared parameters and whatever its own nodes read: an unresolvable from_parameter
        // at the top level is not an error (a service or job may supply it at run time), so callbacks may read it too.
        var root = new HashSet<string>(document.Parameters.Select(p => p.Name), StringComparer.Ordinal);
        root.UnionWith(LevelReferences(document.Graph));
        await ValidateGraphAsync(document.Graph, "the process graph", [], new ParameterScopes(root, null), userId, errors, cancellationToken).ConfigureAwait(false);
        return errors;
    }

    /// <summary>Validates one level and its children; returns the resolved process of its result node (null if unknown).</summary>
    private async Task<Process?> ValidateGraphAsync(ProcessGraph graph, string where, ImmutableArray<NodePathSegment> outer, ParameterScopes scopes,
        string? userId, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        Process? resultProcess = null;
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

            if (node.IsResult)
            {
                resultProcess = process;
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

                var context = new CallbackContext(process, name, $"the child process graph of '{node.Id}'.{name}", argumentPath, scopes);
                var schemas = parameter is null ? new List<JsonElement>() : [parameter.Schema];
                await ValidateChildrenAsync(argument, schemas, context, userId, errors, cancellationToken).ConfigureAwait(false);
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

        return resultProcess;
    }

    /// <summary>Where a child graph sits: the process and parameter it is passed to, and the scopes around it.</summary>
    private sealed record CallbackContext(Process? Process, string Parameter, string Where, ImmutableArray<NodePathSegment> Path, ParameterScopes Scopes);

    /// <summary>
    /// Validates child graphs inside an argument, following the parameter schema into arrays and objects so each
    /// child is checked against the callback signature (<c>parameters</c>, <c>returns</c>) its position declares.
    /// </summary>
    private async Task ValidateChildrenAsync(Argument argument, List<JsonElement> schemas, CallbackContext context, string? userId,
        List<ValidationError> errors, CancellationToken cancellationToken)
    {
        switch (argument)
        {
            case ProcessGraphArgument child:
                await ValidateCallbackAsync(child, context.Process is null ? [] : CallbackSchemas.ProcessGraphs(schemas), context, userId, errors, cancellationToken).ConfigureAwait(false);
                break;
            case ArrayArgument array:
                var items = CallbackSchemas.Items(schemas);
                foreach (var item in array.Items)
                {
                    await ValidateChildrenAsync(item, items, context, userId, errors, cancellationToken).ConfigureAwait(false);
                }

                break;
            case ObjectArgument obj:
                foreach (var property in obj.Properties)
                {
                    await ValidateChildrenAsync(property.Value, CallbackSchemas.Property(schemas, property.Key), context, userId, errors, cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    /// <summary>
    /// A callback may read the parameters its schema declares, those its own document declares, and any name an
    /// enclosing level provides; a name none of them provides can never resolve, so it makes the callback invalid.
    /// A result whose declared return type cannot be what the schema's <c>returns</c> asks for is invalid too.
    /// </summary>
    private async Task ValidateCallbackAsync(ProcessGraphArgument child, List<JsonElement> callbackSchemas, CallbackContext context, string? userId,
        List<ValidationError> errors, CancellationToken cancellationToken)
    {
        var declared = CallbackSchemas.DeclaredParameters(callbackSchemas);
        declared?.UnionWith(child.Process.Parameters.Select(p => p.Name));
        var scopes = new ParameterScopes(declared, context.Scopes);
        var resultProcess = await ValidateGraphAsync(child.Process.Graph, context.Where, context.Path, scopes, userId, errors, cancellationToken).ConfigureAwait(false);
        if (context.Process is not { } process)
        {
            return;
        }

        foreach (var name in LevelReferences(child.Process.Graph).Distinct(StringComparer.Ordinal).Where(n => !scopes.Provides(n)))
        {
            var provided = declared is { Count: > 0 } ? string.Join(", ", declared.Order(StringComparer.Ordinal)) : "no parameters";
            errors.Add(new ValidationError("ProcessParameterInvalid", OpenEoErrors.ProcessParameterInvalid(process.Id, context.Parameter,
                $"the callback reads the parameter '{name}' (from_parameter), but '{process.Id}' passes {provided} to it and no enclosing process graph declares '{name}'.").Message,
                context.Path));
        }

        if (resultProcess is not null && CallbackSchemas.ExpectedReturnTypes(callbackSchemas) is { } expected
            && CallbackSchemas.ReturnTypes(resultProcess.Definition) is { } produced && !Overlap(expected, produced))
        {
            errors.Add(new ValidationError("ProcessParameterInvalid", OpenEoErrors.ProcessParameterInvalid(process.Id, context.Parameter,
                $"the callback must return {string.Join(" or ", expected.Order(StringComparer.Ordinal))}, but its result node runs '{resultProcess.Id}', which returns {string.Join(" or ", produced.Order(StringComparer.Ordinal))}.").Message,
                context.Path));
        }
    }

    /// <summary>Whether a value of a produced type can be expected; null counts only when nothing else could match.</summary>
    private static bool Overlap(HashSet<string> expected, HashSet<string> produced)
    {
        var expectedValues = expected.Where(t => t != "null").ToHashSet(StringComparer.Ordinal);
        var producedValues = produced.Where(t => t != "null").ToHashSet(StringComparer.Ordinal);
        if (expectedValues.Count > 0 && producedValues.Count > 0)
        {
            return expectedValues.Overlaps(producedValues);
        }

        return expected.Overlaps(produced);
    }

    /// <summary>The from_parameter names read at this level (arrays and objects included, child graphs not).</summary>
    private static IEnumerable<string> LevelReferences(ProcessGraph graph) =>
        graph.Nodes.SelectMany(n => n.Arguments).SelectMany(a => LevelReferences(a.Value));

    private static IEnumerable<string> LevelReferences(Argument argument) => argument switch
    {
        FromParameterArgument p => [p.Name],
        ArrayArgument a => a.Items.SelectMany(LevelReferences),
        ObjectArgument o => o.Properties.SelectMany(p => LevelReferences(p.Value)),
        _ => [],
    };

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
