using CentresConnectes.Ludotheque;
using CentresConnectes.Members;
using CentresConnectes.Platform;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData;

namespace CentresConnectes;

/// <summary>
/// The modules of the application, in dependency order. Compiled into the web host and into both
/// migration projects (linked file), so the runtime model and the migrations never disagree.
/// </summary>
internal static class AppModules
{
    public static IModule[] All() =>
    [
        new PlatformModule(),
        new ReferenceDataModule(),
        new MembersModule(),
        new LudothequeModule(),
    ];
}
