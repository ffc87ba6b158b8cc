// forkCount=0 under -T 2: the build fails with one line saying why, and no test ran.
String log = new File(basedir, 'build.log').text
assert log.contains('forkCount=0 cannot run in a parallel Maven build (-T), as under Surefire: the tests would share'
        + " Maven's JVM with the other modules' builds; set forkCount to 1 or more")
assert !log.contains('FastCI local run')
