/**
 * three's Basis Universal transcoder (run by the KTX2 loader's worker) is an Emscripten build whose
 * embind glue writes JavaScript wrappers as source and compiles them with `Function`: one per C++
 * binding, and one per way C++ calls a JavaScript method. The player's Content-Security-Policy
 * allows no eval, so KTX2 textures would never load. The build serves the transcoder with those two
 * lines replaced by the closures Emscripten itself uses when built without dynamic execution
 * (`-sDYNAMIC_EXECUTION=0`): each does per call what the generated source spells out.
 */
const REWRITES: ReadonlyArray<readonly [what: string, generated: string, closure: string]> = [
  [
    // In craftInvokerFunction: calls a C++ function from JavaScript.
    'the binding invoker',
    'var invokerFn=newFunc(Function,args)(...closureArgs);',
    [
      'var invokerFn=function(...givenArgs){',
      'if(givenArgs.length!==argCount-2){throwBindingError(`function ${humanName} called with ${givenArgs.length} arguments, expected ${argCount-2}`)}',
      'var destructors=needsDestructorStack?[]:null;var wired=[];',
      'if(isClassMethodFunc){wired.push(argTypes[1]["toWireType"](destructors,this))}',
      'for(var i=0;i<argCount-2;++i){wired.push(argTypes[i+2]["toWireType"](destructors,givenArgs[i]))}',
      'var rv=cppInvokerFunc(cppTargetFunc,...wired);',
      'if(needsDestructorStack){runDestructors(destructors)}',
      'else{for(var i=isClassMethodFunc?1:2;i<argTypes.length;++i){if(argTypes[i].destructorFunction!==null){argTypes[i].destructorFunction(wired[isClassMethodFunc?i-1:i-2])}}}',
      'if(returns){return argTypes[0]["fromWireType"](rv)}',
      '};',
    ].join(''),
  ],
  [
    // In __emval_get_method_caller: calls a JavaScript function or method from C++.
    'the method caller',
    'var invokerFunction=newFunc(Function,params)(...args);',
    [
      'var invokerFunction=function(obj,func,destructorsRef,argsPtr){',
      'var callArgs=kind===0?[obj]:[];var offset=0;',
      'for(var i=0;i<argCount;++i){callArgs.push(types[i].readValueFromPointer(argsPtr+offset));offset+=types[i]["argPackAdvance"]}',
      'var rv=kind===1?new func(...callArgs):func.call(...callArgs);',
      'if(!retType.isVoid){return emval_returnValue(retType,destructorsRef,rv)}',
      '};',
    ].join(''),
  ],
];

/** The transcoder's source with its embind wrappers made without eval; fails loudly if three's file changed shape. */
export function basisTranscoderWithoutEval(source: string): string {
  let out = source;
  for (const [what, generated, closure] of REWRITES) {
    const found = out.split(generated).length - 1;
    if (found !== 1)
      throw new Error(
        `build: three's basis_transcoder.js has ${found} copies of ${what} this build rewrites to run without eval (expected 1); ` +
          'compare src/build/basis-transcoder.ts with the new file, or KTX2 textures will not load under the Content-Security-Policy',
      );
    out = out.replace(generated, closure);
  }
  return out;
}
