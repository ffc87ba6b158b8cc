// Writes toolchains.xml naming a JDK of this machine other than the one running Maven, so that the fork's Java tells
// whether jdkToolchain chose it. CI machines carry Temurin 25 beside the default JDK 17.
String running = System.getProperty('java.specification.version')
def other = new File('/usr/lib/jvm').listFiles()?.find { dir ->
    def release = new File(dir, 'release')
    new File(dir, 'bin/java').canExecute() && release.isFile() &&
            !(release.text =~ /JAVA_VERSION="${java.util.regex.Pattern.quote(running)}[".]/)
}
assert other != null : "no JDK other than ${running} under /usr/lib/jvm for the toolchain IT"
String version = (new File(other, 'release').text =~ /JAVA_VERSION="(\d+)/)[0][1]
new File(basedir, 'toolchains.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<toolchains>
  <toolchain>
    <type>jdk</type>
    <provides>
      <version>${version}</version>
      <vendor>it</vendor>
    </provides>
    <configuration>
      <jdkHome>${other.canonicalPath}</jdkHome>
    </configuration>
  </toolchain>
</toolchains>
"""
new File(basedir, 'expected-java-home.txt').text = other.canonicalPath
new File(basedir, 'expected-version.txt').text = version
return true
