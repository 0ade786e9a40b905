using System.Collections.Concurrent;
using CentresConnectes.Platform.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CentresConnectes.TestSupport;

/// <summary>
/// The application's real password hasher, counting how often each password was checked: a test
/// sees that a refused sign-in cost one hash whatever the reason (the answer time tells nothing).
/// </summary>
public sealed class PasswordHashSpy
{
    private readonly ConcurrentDictionary<string, int> _verifications = new(StringComparer.Ordinal);

    public int VerificationsOf(string password) => _verifications.GetValueOrDefault(password);

    internal void Verified(string password) => _verifications.AddOrUpdate(password, 1, (_, n) => n + 1);

    internal sealed class Hasher(PasswordHashSpy spy, IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _real = new(options);

        public string HashPassword(AppUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            spy.Verified(providedPassword);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
