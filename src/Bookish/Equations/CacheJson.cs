using System.Text.Json.Serialization;

namespace Bookish.Equations;

/// <summary>Equation cache entries read and written without reflection (the command is compiled to native code).</summary>
[JsonSerializable(typeof(CachingMathRenderer.Entry))]
internal sealed partial class CacheJson : JsonSerializerContext;
