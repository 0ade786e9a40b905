namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// The rate-limiter policies every module may put on its anonymous or sensitive endpoints, with
/// <c>[EnableRateLimiting(RateLimits.SignIn)]</c> on a page model or <c>.RequireRateLimiting(RateLimits.SignIn)</c>
/// on an endpoint. Only unsafe requests (POST, PUT, DELETE…) count: showing a form is free.
/// Limits are per client address and come from configuration (<c>RateLimits:&lt;Policy&gt;PerMinute</c>);
/// refused requests get 429 with a French page or problem details.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PasswordReset = "password-reset";
    public const string SetPassword = "set-password";
    public const string Setup = "setup";
    /// <summary>For the kiosk's family sign-in (Ludothèque).</summary>
    public const string KioskSignIn = "kiosk-sign-in";
}
