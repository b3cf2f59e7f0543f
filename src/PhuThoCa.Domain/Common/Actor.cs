namespace PhuThoCa.Domain.Common;

/// <summary>Who performs a business action, and when (Vietnam time is derived from <see cref="AtUtc"/> by callers).</summary>
public sealed record Actor(string UserId, string DisplayName, DateTime AtUtc);
